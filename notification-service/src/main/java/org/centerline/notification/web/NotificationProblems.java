package org.centerline.notification.web;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
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
 * service-support's {@link Problems}: notification-service's own exceptions here, the rest by Spring MVC.
 */
@RestControllerAdvice
public class NotificationProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler({KafkaException.class, ExecutionException.class, TimeoutException.class})
    ProblemDetail kafkaUnavailable(Exception e) {
        return Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "kafka-unavailable", "Kafka unavailable",
                "The request could not be written to Kafka in time; nothing changed. Try again.");
    }

    /** A store being restored or a rebalance under way: answered 503 with Retry-After. */
    @ExceptionHandler(InvalidStateStoreException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(Exception e) {
        return Problems.notReadyAnswer("state-unavailable", "State not ready",
                "The delivery states are being restored; try again shortly.");
    }
}
