package org.centerline.center.web;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.centerline.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.KafkaException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the HTTP API as an RFC 9457 problem detail ({@code application/problem+json}), built by
 * service-support's {@link Problems}: center-service's own exceptions here, the rest by Spring MVC.
 */
@RestControllerAdvice
public class CenterProblems extends ResponseEntityExceptionHandler {

    static final String QUEUES_NOT_READY = "queues-not-ready";
    static final String QUEUES_NOT_READY_TITLE = "Queues not ready";

    /** The stores are restoring or moving in a rebalance, and the query service's retries ran out. */
    @ExceptionHandler(InvalidStateStoreException.class)
    ResponseEntity<ProblemDetail> storesNotReady(InvalidStateStoreException e) {
        return Problems.notReadyAnswer(QUEUES_NOT_READY, QUEUES_NOT_READY_TITLE,
                "The Center queues are loading or moving between instances; try again in a few seconds.");
    }

    @ExceptionHandler(KafkaException.class)
    ProblemDetail kafkaUnavailable(KafkaException e) {
        return Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "kafka-unavailable", "Kafka unavailable",
                "The change could not be written to Kafka; nothing changed. Try again.");
    }
}
