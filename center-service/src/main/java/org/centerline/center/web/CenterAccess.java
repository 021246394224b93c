package org.centerline.center.web;

import org.centerline.security.Caller;
import org.centerline.security.EndpointRules;
import org.centerline.security.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Who may call center-service. Everything under {@code /api/centers/{code}} belongs to that Center's
 * staff: its specialists and its director; roster changes to its director alone. The Center is
 * checked here, before any controller runs, so another Center's staff get the same {@code 403}
 * whether or not what they asked for exists. Which specialist a claim or decision names is checked
 * by {@link QueueController}, which reads the body.
 */
@Component
public class CenterAccess implements EndpointRules {

    private static final String CENTER = "/api/centers/{code}";

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry paths) {
        paths.requestMatchers("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**").authenticated();
        paths.requestMatchers(HttpMethod.PUT, CENTER + "/specialists/*").access(staffOf(Role.DIRECTOR));
        paths.requestMatchers(HttpMethod.DELETE, CENTER + "/specialists/*").access(staffOf(Role.DIRECTOR));
        paths.requestMatchers(CENTER + "/**").access(staffOf(Role.SPECIALIST, Role.DIRECTOR));
    }

    /** Granted when the token holds one of {@code roles} at the Center named in the path (either case). */
    static AuthorizationManager<RequestAuthorizationContext> staffOf(Role... roles) {
        return (authentication, request) -> new AuthorizationDecision(
                authentication.get() instanceof JwtAuthenticationToken token
                        && Caller.of(token.getToken()).worksAt(request.getVariables().get("code"), roles));
    }
}
