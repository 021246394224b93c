package org.centerline.notification.web;

import java.util.Arrays;
import org.centerline.security.EndpointRules;
import org.centerline.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Which roles may call which path of notification-service; the shared chain denies every path not named
 * here. Whose data a caller sees is decided in the controllers: subscriptions, streams and deliveries are
 * narrowed to the caller's own party ({@code SubscriptionScope}), announcements to a director's own Center.
 */
@Configuration(proxyBeanMethods = false)
public class EndpointAccess {

    /** Every role has a party of its own to hear about (ops and admin: everything). */
    private static final String[] EVERY_ROLE = Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new);

    @Bean
    EndpointRules notificationEndpoints() {
        return paths -> {
            paths.requestMatchers(HttpMethod.POST, "/api/subscriptions").hasAnyRole(EVERY_ROLE);
            paths.requestMatchers(HttpMethod.GET, "/api/subscriptions/*").hasAnyRole(EVERY_ROLE);
            paths.requestMatchers(HttpMethod.DELETE, "/api/subscriptions/*").hasAnyRole(EVERY_ROLE);
            paths.requestMatchers(HttpMethod.POST, "/api/subscriptions/*/secret").hasAnyRole(EVERY_ROLE);
            paths.requestMatchers(HttpMethod.GET, "/api/stream").hasAnyRole(EVERY_ROLE);
            paths.requestMatchers(HttpMethod.GET, "/api/deliveries/*", "/api/dead-letters").hasAnyRole(EVERY_ROLE);
            paths.requestMatchers(HttpMethod.POST, "/api/dead-letters/*/redeliver").hasAnyRole(EVERY_ROLE);
            paths.requestMatchers(HttpMethod.POST, "/api/announcements").hasAnyRole(Role.DIRECTOR.name(), Role.ADMIN.name());
            paths.requestMatchers(HttpMethod.GET, "/api/announcements", "/api/announcements/*").authenticated();
            paths.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**").authenticated();
        };
    }
}
