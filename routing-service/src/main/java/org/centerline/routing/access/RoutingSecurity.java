package org.centerline.routing.access;

import org.centerline.security.CenterlineSecurity;
import org.centerline.security.EndpointRules;
import org.centerline.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;

/**
 * Who may call which path of routing-service (roles; the party checks are in {@link RoutingAccess}),
 * on Centerline's shared security chain: every path not named here is denied.
 */
@Configuration(proxyBeanMethods = false)
@Import(CenterlineSecurity.class)
public class RoutingSecurity {

    @Bean
    EndpointRules routingEndpoints() {
        return paths -> paths
                .requestMatchers(HttpMethod.POST, "/api/entry-summaries").hasRole(Role.FILER.name())
                .requestMatchers(HttpMethod.GET, "/api/entry-summaries/*/routing").hasAnyRole(Role.FILER.name(),
                        Role.IMPORTER.name(), Role.SPECIALIST.name(), Role.DIRECTOR.name(), Role.OPS.name(), Role.ADMIN.name())
                .requestMatchers("/api/importer-assignments/**").hasRole(Role.ADMIN.name())
                .requestMatchers("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**").authenticated();
    }
}
