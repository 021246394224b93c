package org.centerline.routing.web;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.centerline.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.kafka.KafkaException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the HTTP API as an RFC 9457 problem detail ({@code application/problem+json}), built by
 * service-support's {@link Problems}: routing-service's own exceptions here, the rest by Spring MVC.
 */
@RestControllerAdvice
public class RoutingProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(InvalidFilingException.class)
    ProblemDetail invalidFiling(InvalidFilingException e) {
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "invalid-filing", "Invalid filing",
                "The filing was not accepted for " + e.reasons().size() + " reason(s); it is also published on "
                        + "entry-summaries.rejected.");
        problem.setProperty("reasons", e.reasons());
        return problem;
    }

    @ExceptionHandler({KafkaException.class, TimeoutException.class, ExecutionException.class})
    ProblemDetail kafkaUnavailable(Exception e) {
        return Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "kafka-unavailable", "Kafka unavailable",
                "The request could not be written to Kafka in time; nothing was filed. Try again.");
    }
}
