package org.centerline.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.centerline.security.TokenIssuer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;

/**
 * Every Centerline error as an RFC 9457 problem detail ({@code application/problem+json}): one base for the
 * {@code type} URIs, one builder, and the one answer for "the stores are restoring or moving in a rebalance"
 * ({@code 503} with {@code Retry-After}). Services keep their own {@code type}, {@code title} and {@code detail}
 * texts; this class only builds them.
 */
public final class Problems {

    /** The base of every problem {@code type}: {@code BASE + "not-found"}. */
    public static final String BASE = "https://centerline.dev/problems/";

    /** What {@code Retry-After} says on a 503 while stores restore or partitions move: seconds. */
    public static final String RETRY_AFTER_SECONDS = "2";

    private Problems() {
    }

    /** A problem of the given status with {@code type} {@code BASE + type}. */
    public static ProblemDetail problem(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(BASE + type));
        problem.setTitle(title);
        return problem;
    }

    /** The same problem as an exception a controller throws (answered by Spring MVC's problem handling). */
    public static ErrorResponseException error(HttpStatusCode status, String type, String title, String detail) {
        return new ErrorResponseException(status, problem(status, type, title, detail), null);
    }

    /** A 503 with {@code Retry-After}, thrown while stores restore or partitions move between instances. */
    public static ErrorResponseException notReady(String type, String title, String detail) {
        ErrorResponseException e = error(HttpStatus.SERVICE_UNAVAILABLE, type, title, detail);
        e.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return e;
    }

    /** The same 503 with {@code Retry-After} as an exception handler's answer. */
    public static ResponseEntity<ProblemDetail> notReadyAnswer(String type, String title, String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, type, title, detail));
    }

    /**
     * Writes a problem straight to the servlet response, for filters and handlers that run outside Spring MVC
     * (the security chain, body limits, forwarding). A committed response is left alone. The members written are
     * {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance} when set, and any properties.
     */
    public static void write(HttpServletResponse response, ProblemDetail problem, HttpHeaders headers) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(problem.getStatus());
        headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", problem.getType().toString());
        members.put("title", problem.getTitle());
        members.put("status", problem.getStatus());
        members.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            members.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            members.putAll(problem.getProperties());
        }
        response.getWriter().write(TokenIssuer.json(members));
    }
}
