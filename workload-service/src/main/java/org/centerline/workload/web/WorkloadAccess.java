package org.centerline.workload.web;

import org.centerline.security.EndpointRules;
import org.centerline.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call workload-service. Rebalancing is across Centers, so a director of any Center sees
 * every Center's numbers; ops watches them too. Only a director or an admin may replay the window
 * under a proposed table. The rebalancing reviews are read by directors, ops and admin. The rebalance
 * view's files hold no data (the page fetches it with the caller's token), so they are open.
 */
@Configuration(proxyBeanMethods = false)
public class WorkloadAccess {

    /**
     * The view's files: {@code /} forwards to {@code /index.html}, which loads the style sheet and the
     * entry module {@code rebalance.js}, which imports the modules under {@code /js/}.
     */
    static final String[] VIEW = {"/", "/index.html", "/rebalance.css", "/rebalance.js", "/js/*.js"};

    @Bean
    EndpointRules workloadRules() {
        return paths -> {
            paths.requestMatchers(HttpMethod.GET, VIEW).permitAll();
            paths.requestMatchers(HttpMethod.POST, "/api/what-if").hasAnyRole(Role.DIRECTOR.name(), Role.ADMIN.name());
            paths.requestMatchers(HttpMethod.GET, "/api/reviews", "/api/reviews/**")
                    .hasAnyRole(Role.DIRECTOR.name(), Role.OPS.name(), Role.ADMIN.name());
            // Every read API, including any added later, is for directors and ops unless a rule above says otherwise.
            paths.requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(Role.DIRECTOR.name(), Role.OPS.name());
            paths.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**").authenticated();
        };
    }
}
