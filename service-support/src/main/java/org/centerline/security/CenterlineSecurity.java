package org.centerline.security;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The one security chain every Centerline service runs (import it on the application class):
 * stateless JWT bearer authentication; {@code /actuator/health} open; the rest of actuator for
 * {@code ops}; the service's {@link EndpointRules}; everything else denied. Denials are problem
 * details. Controllers receive the {@link Caller} as a method parameter for the party checks.
 *
 * <p>The verification key comes from Spring Boot's standard settings:
 * {@code spring.security.oauth2.resourceserver.jwt.public-key-location}, {@code jwk-set-uri} or
 * {@code issuer-uri}, with {@code audiences}. Without one the service refuses to start.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class CenterlineSecurity implements WebMvcConfigurer {

    @Bean
    SecurityFilterChain centerlineSecurityChain(HttpSecurity http, ObjectProvider<EndpointRules> rules,
                                                ObjectProvider<JwtDecoder> decoders) throws Exception {
        if (decoders.getIfAvailable() == null) {
            throw new IllegalStateException("No JWT verification key is configured: set "
                    + "spring.security.oauth2.resourceserver.jwt.public-key-location (the local stack does), "
                    + "jwk-set-uri or issuer-uri");
        }
        SecurityProblems problems = new SecurityProblems();
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(paths -> {
                    paths.requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll();
                    paths.requestMatchers("/actuator/**").hasRole(Role.OPS.name());
                    rules.orderedStream().forEach(rule -> rule.apply(paths));
                    paths.anyRequest().denyAll();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new CallerAuthorities()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(
            @Value("${centerline.http.max-body-bytes:65536}") long maxBytes) {
        FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(new BodyLimitFilter(maxBytes));
        registration.setOrder(0); // after Spring Security: anonymous callers get 401 whatever they send
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerResolver());
    }

    /** A token's roles become {@code ROLE_*} authorities; the principal's name is its subject. */
    static final class CallerAuthorities implements Converter<Jwt, AbstractAuthenticationToken> {
        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            List<SimpleGrantedAuthority> authorities = Caller.of(jwt).roles().stream()
                    .map(role -> new SimpleGrantedAuthority(role.authority())).toList();
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        }
    }

    /** Lets a controller method declare a {@link Caller} parameter. */
    static final class CallerResolver implements HandlerMethodArgumentResolver {
        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Caller.class;
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                      NativeWebRequest request, WebDataBinderFactory binders) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication instanceof JwtAuthenticationToken token) {
                return Caller.of(token.getToken());
            }
            throw new AuthenticationCredentialsNotFoundException("no bearer token");
        }
    }
}
