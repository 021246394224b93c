package org.centerline.notification.web;

import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.kafka.KafkaException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error of the HTTP API as an RFC 9457 problem detail ({@code application/problem+json}). */
@RestControllerAdvice
public class Problems extends ResponseEntityExceptionHandler {

    static final String BASE = "https://centerline.dev/problems/";

    @ExceptionHandler({KafkaException.class, ExecutionException.class, TimeoutException.class})
    ProblemDetail kafkaUnavailable(Exception e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "kafka-unavailable", "Kafka unavailable",
                "The request could not be written to Kafka in time; nothing changed. Try again.");
    }

    /** A store being restored or a rebalance under way: answered 503 with Retry-After. */
    @ExceptionHandler(org.apache.kafka.streams.errors.InvalidStateStoreException.class)
    org.springframework.http.ResponseEntity<ProblemDetail> storeUnavailable(Exception e) {
        return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "2")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "state-unavailable", "State not ready",
                        "The delivery states are being restored; try again shortly."));
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(BASE + type));
        problem.setTitle(title);
        return problem;
    }

    public static ErrorResponseException error(HttpStatus status, String type, String title, String detail) {
        return new ErrorResponseException(status, problem(status, type, title, detail), null);
    }
}
