package org.centerline.routing.route;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.centerline.contracts.event.EntrySummary;
import org.centerline.contracts.event.Rejection;
import org.centerline.contracts.event.RejectionReason;
import org.centerline.contracts.event.RoutingDecision;
import org.centerline.routing.assignment.ImporterAssignments;
import org.centerline.routing.classify.Classification;
import org.centerline.routing.classify.EntryClassifier;
import org.centerline.routing.validate.FilingValidator;
import org.centerline.routing.validate.ReasonCode;
import org.centerline.routing.validate.ValidationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one filed record into its routing result: validate, look up the importer's account
 * assignment and any earlier routing of the entry number, classify, decide. Pure of Kafka, so the
 * rules are tested without a broker; never throws for bad input.
 */
public final class FilingRouter {

    private static final Logger log = LoggerFactory.getLogger(FilingRouter.class);

    private final FilingValidator validator;
    private final EntryClassifier classifier;
    private final ImporterAssignments assignments;

    /** What the validator makes of a filing filed under {@code key}: the topology validates once, before it re-keys. */
    public ValidationResult validate(String key, byte[] payload) {
        return validator.validate(key, payload);
    }

    public FilingRouter(FilingValidator validator, EntryClassifier classifier, ImporterAssignments assignments) {
        this.validator = validator;
        this.classifier = classifier;
        this.assignments = assignments;
    }

    /**
     * @param previousCenter where an entry number was last routed (null if never)
     */
    public RoutingResult route(String key, byte[] payload, Instant filedAt, Instant now,
                               Function<String, String> previousCenter) {
        return route(key, payload, validator.validate(key, payload), filedAt, now, previousCenter);
    }

    /** As {@link #route(String, byte[], Instant, Instant, Function)}, with the filing already validated (with {@code key}). */
    public RoutingResult route(String key, byte[] payload, ValidationResult validation, Instant filedAt, Instant now,
                               Function<String, String> previousCenter) {
        if (validation instanceof ValidationResult.Invalid invalid) {
            return rejected(key, payload, invalid.entryNumber(), invalid.filerCode(), invalid.reasons(), now);
        }
        EntrySummary summary = ((ValidationResult.Valid) validation).summary();
        try {
            String previous = previousCenter.apply(summary.entryNumber());
            String account = assignments.centerFor(summary.importerNumber(), now.atZone(ZoneOffset.UTC).toLocalDate());
            Classification c = classifier.classify(summary, account, previous != null);
            RoutingDecision decision = new RoutingDecision(1, summary.entryNumber(), summary.filerCode(),
                    summary.importerNumber(), summary.entryType(), c.centerCode(), c.basis(), c.linesByCenter(), c.linesByHeading(),
                    classifier.tableVersion(), c.workloadPoints(), c.flags(),
                    previous != null && !previous.equals(c.centerCode()) ? previous : null, filedAt, now,
                    c.partnerAgencies(), classifier.referenceVersions());
            return new RoutingResult.Routed(summary, decision);
        } catch (RuntimeException e) {
            // A defect of ours must not lose the filing: it goes to the rejected topic, where it can be found and re-filed.
            log.error("Routing failed for entry {}", summary.entryNumber(), e);
            return rejected(key, payload, summary.entryNumber(), summary.filerCode(), List.of(new RejectionReason("",
                    ReasonCode.ROUTING_FAILED.name(), "Centerline could not route this filing (" + e.getClass().getSimpleName()
                    + "); it has not been queued. Re-file it or contact Centerline support.")), now);
        }
    }

    private static RoutingResult rejected(String key, byte[] payload, String entryNumber, String filerCode,
                                          List<RejectionReason> reasons, Instant now) {
        Rejection rejection = new Rejection(1, entryNumber, filerCode, reasons, now, payloadText(payload));
        return new RoutingResult.Rejected(entryNumber != null ? entryNumber : key, rejection);
    }

    /** The filing as received, as text, cut at 64 KiB (a character cut in two becomes U+FFFD). */
    static String payloadText(byte[] payload) {
        if (payload == null) {
            return "";
        }
        return new String(payload, 0, Math.min(payload.length, Rejection.MAX_PAYLOAD_BYTES), StandardCharsets.UTF_8);
    }
}
