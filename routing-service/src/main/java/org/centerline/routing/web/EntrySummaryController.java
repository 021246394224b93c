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
import org.centerline.instance.InstanceForwarder;
import org.centerline.routing.access.RoutingAccess;
import org.centerline.routing.config.RoutingProperties;
import org.centerline.routing.ledger.RoutingLedger;
import org.centerline.routing.validate.FilingValidator;
import org.centerline.routing.validate.ValidationResult;
import org.centerline.security.Caller;
import org.centerline.web.Problems;
import org.springframework.beans.factory.annotation.Value;
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
 * A filer files under its own filer code only; a routing record is shown only to the parties it
 * concerns ({@link RoutingAccess}), anybody else is told it does not exist.
 */
@RestController
@RequestMapping("/api/entry-summaries")
public class EntrySummaryController {

    private final FilingValidator validator;
    private final KafkaTemplate<String, byte[]> kafka;
    private final LedgerQueries ledger;
    private final RoutingProperties properties;
    private final int maxBodyBytes;

    public EntrySummaryController(FilingValidator validator, KafkaTemplate<String, byte[]> httpKafkaTemplate,
                                  LedgerQueries ledger, RoutingProperties properties,
                                  @Value("${centerline.http.max-body-bytes}") int maxBodyBytes) {
        this.validator = validator;
        this.kafka = httpKafkaTemplate;
        this.ledger = ledger;
        this.properties = properties;
        this.maxBodyBytes = maxBodyBytes;
    }

    @PostMapping
    public ResponseEntity<Map<String, String>> file(HttpServletRequest request, Caller caller)
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        byte[] body = readBody(request);
        ValidationResult result = validator.validate(null, body);
        RoutingAccess.requireOwnFiling(caller, result);
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
    public Object routing(@PathVariable String entryNumber, Caller caller, HttpServletRequest request) {
        if (!EntryNumber.hasValidFormat(entryNumber)) {
            throw Problems.error(HttpStatus.BAD_REQUEST, "invalid-entry-number", "Invalid entry number",
                    "'" + entryNumber + "' is not an entry number of the form XXX-NNNNNNN-C.");
        }
        // The ledger partition of the entry number lives on one instance: ask it, unless this request comes from one.
        LedgerQueries.Owner owner = ledger.owner(entryNumber);
        if (owner instanceof LedgerQueries.Elsewhere elsewhere) {
            if (InstanceForwarder.wasForwarded(request)) {
                throw LedgerQueries.notReady();
            }
            return ledger.forward(elsewhere.host(), request);
        }
        // A caller it does not concern gets the answer of an unknown entry number: existence is not disclosed.
        RoutingLedger.Outcome outcome = ledger.local(entryNumber, ((LedgerQueries.Here) owner).partition())
                .filter(seen -> RoutingAccess.maySee(caller, seen))
                .orElseThrow(() -> Problems.error(HttpStatus.NOT_FOUND, "not-found", "No such filing",
                        "No routing record or rejection for entry number " + entryNumber
                                + " (yet: routing takes a moment after filing)."));
        return outcome.decision() != null ? outcome.decision() : outcome.rejection();
    }

    /**
     * The shared body limit answers a declared length over {@code centerline.http.max-body-bytes} before
     * this runs; a chunked body is only cut off there, so reading one byte past the limit is refused here.
     */
    private byte[] readBody(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBodyBytes);
            if (hasMore(in)) {
                throw Problems.error(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Filing too large",
                        "The body is over " + maxBodyBytes + " bytes; a filing is at most " + properties.maxFilingBytes()
                                + " bytes. Nothing was filed.");
            }
            return body;
        }
    }

    private static boolean hasMore(InputStream in) {
        try {
            return in.read() >= 0;
        } catch (IOException refusedPastTheLimit) {
            return true;
        }
    }
}
