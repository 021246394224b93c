package org.centerline.center.web;

import java.net.URI;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.KafkaException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error of the HTTP API as an RFC 9457 problem detail ({@code application/problem+json}). */
@RestControllerAdvice
public class Problems extends ResponseEntityExceptionHandler {

    static final String BASE = "https://centerline.dev/problems/";

    /** The stores are restoring or moving in a rebalance, and the query service's retries ran out. */
    @ExceptionHandler(InvalidStateStoreException.class)
    ResponseEntity<ProblemDetail> storesNotReady(InvalidStateStoreException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The Center queues are loading or moving between instances; try again in a few seconds.");
        problem.setType(URI.create(BASE + "queues-not-ready"));
        problem.setTitle("Queues not ready");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2").body(problem);
    }

    @ExceptionHandler(KafkaException.class)
    ProblemDetail kafkaUnavailable(KafkaException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The change could not be written to Kafka; nothing changed. Try again.");
        problem.setType(URI.create(BASE + "kafka-unavailable"));
        problem.setTitle("Kafka unavailable");
        return problem;
    }

    static ErrorResponseException error(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(BASE + type));
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
