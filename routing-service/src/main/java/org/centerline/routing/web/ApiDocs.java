package org.centerline.routing.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.centerline.security.Caller;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document says what every operation needs: a bearer JWT, so clients built from it send
 * one. The {@link Caller} a controller takes is read from that token, not a request parameter.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocs {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI routingApi() {
        return new OpenAPI()
                .info(new Info().title("routing-service").description("Filing over HTTP, routing records, importer "
                        + "assignments. Roles and parties: see the service's README."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
