package org.centerline.routing.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.centerline.contracts.entry.EntryNumber;
import org.centerline.contracts.topic.Topics;
import org.centerline.routing.config.RoutingProperties;
import org.centerline.routing.ledger.RoutingLedger;
import org.centerline.routing.validate.FilingValidator;
import org.centerline.routing.validate.ValidationResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Filing over HTTP for broker systems that cannot speak Kafka, and "where did my filing go". A
 * posted filing goes onto {@code entry-summaries.filed} like any other (even an invalid one, so the
 * router rejects it on the record and filed = routed + rejected holds); the answer is immediate.
 */
@RestController
@RequestMapping("/api/entry-summaries")
public class EntrySummaryController {

    private final FilingValidator validator;
    private final KafkaTemplate<String, byte[]> kafka;
    private final RoutingLedger ledger;
    private final RoutingProperties properties;

    public EntrySummaryController(FilingValidator validator, KafkaTemplate<String, byte[]> httpKafkaTemplate,
                                  RoutingLedger ledger, RoutingProperties properties) {
        this.validator = validator;
        this.kafka = httpKafkaTemplate;
        this.ledger = ledger;
        this.properties = properties;
    }

    @PostMapping
    public ResponseEntity<Map<String, String>> file(HttpServletRequest request)
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        byte[] body = readBody(request);
        ValidationResult result = validator.validate(null, body);
        String key = result instanceof ValidationResult.Valid valid ? valid.summary().entryNumber()
                : ((ValidationResult.Invalid) result).entryNumber();
        kafka.send(new ProducerRecord<>(Topics.FILED.name(), key, body))
                .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        if (result instanceof ValidationResult.Invalid invalid) {
            throw new InvalidFilingException(invalid.reasons());
        }
        URI routing = URI.create("/api/entry-summaries/" + key + "/routing");
        return ResponseEntity.accepted().location(routing)
                .body(Map.of("entryNumber", key, "status", "FILED", "routing", routing.toString()));
    }

    @GetMapping(path = "/{entryNumber}/routing", produces = MediaType.APPLICATION_JSON_VALUE)
    public Object routing(@PathVariable String entryNumber) {
        if (!EntryNumber.hasValidFormat(entryNumber)) {
            throw Problems.error(HttpStatus.BAD_REQUEST, "invalid-entry-number", "Invalid entry number",
                    "'" + entryNumber + "' is not an entry number of the form XXX-NNNNNNN-C.");
        }
        RoutingLedger.Outcome outcome = ledger.outcome(entryNumber).orElseThrow(() -> Problems.error(HttpStatus.NOT_FOUND,
                "not-found", "No such filing", "No routing record or rejection for entry number " + entryNumber
                        + " (yet: routing takes a moment after filing)."));
        return outcome.decision() != null ? outcome.decision() : outcome.rejection();
    }

    private byte[] readBody(HttpServletRequest request) throws IOException {
        int limit = properties.maxHttpBodyBytes();
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw Problems.error(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Filing too large",
                        "The body is over " + limit + " bytes; a filing is at most " + properties.maxFilingBytes()
                                + " bytes. Nothing was filed.");
            }
            return body;
        }
    }
}
