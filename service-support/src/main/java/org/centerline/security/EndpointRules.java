package org.centerline.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own path -> role rules, declared as a bean. The shared chain applies them between its
 * fixed rules (health open, the rest of actuator {@code ops}) and its last rule, which denies every
 * path no service declared: an endpoint nobody thought about is closed, not open.
 */
@FunctionalInterface
public interface EndpointRules {

    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry paths);
}
