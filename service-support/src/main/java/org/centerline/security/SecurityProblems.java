package org.centerline.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.centerline.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as RFC 9457 problem details, with the {@code WWW-Authenticate} header RFC 6750 asks
 * for. The detail says what was wrong with the request, never what data exists.
 */
public final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        bearer.commence(request, response, e);
        boolean tokenSent = request.getHeader("Authorization") != null;
        write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                tokenSent ? "The bearer token was not accepted (bad signature, wrong issuer or audience, or expired)."
                        : "This path needs a bearer token (Authorization: Bearer <JWT>).", request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        bearerDenied.handle(request, response, e);
        String detail = e.getMessage() == null || e.getMessage().equals("Access Denied")
                ? "Your role does not allow this request." : e.getMessage();
        write(response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, request);
    }

    static void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail,
                      HttpServletRequest request) throws IOException {
        ProblemDetail problem = Problems.problem(status, type, title, detail);
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException notAUri) {
            problem.setProperty("instance", request.getRequestURI());
        }
        Problems.write(response, problem, HttpHeaders.EMPTY);
    }
}
