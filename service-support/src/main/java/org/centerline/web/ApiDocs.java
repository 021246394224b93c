package org.centerline.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.centerline.security.Caller;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Every service's OpenAPI document ({@code /v3/api-docs}) the same way: {@code info} from
 * {@code centerline.api.title} (default: the application name), {@code centerline.api.description} and
 * {@code centerline.api.version} (default: the build's version); one {@code bearer} JWT scheme required by every
 * operation, so clients built from the document send a token; the {@link Caller} a controller takes is read from
 * that token and is not a request parameter; every operation has a {@code summary} (its handler method's name in
 * words unless the operation declares one).
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springdoc.core.utils.SpringDocUtils")
public class ApiDocs {

    static final String SCHEME = "bearer";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI centerlineApi(@Value("${centerline.api.title:${spring.application.name:centerline}}") String title,
                          @Value("${centerline.api.description:}") String description,
                          @Value("${centerline.api.version}") String version) {
        Info info = new Info().title(title).version(version);
        if (!description.isBlank()) {
            info.description(description);
        }
        return new OpenAPI()
                .info(info)
                .components(new Components().addSecuritySchemes(SCHEME,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(SCHEME));
    }

    @Bean
    OperationCustomizer centerlineOperationSummaries() {
        return (operation, handler) -> {
            if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                operation.setSummary(words(handler.getMethod().getName()));
            }
            return operation;
        };
    }

    /** {@code "listQueueItems"} becomes {@code "List queue items"}. */
    static String words(String camelCase) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < camelCase.length(); i++) {
            char c = camelCase.charAt(i);
            if (i == 0) {
                out.append(Character.toUpperCase(c));
            } else if (Character.isUpperCase(c)) {
                out.append(' ').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
