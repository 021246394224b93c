package org.centerline.routing.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.entry.Formats;
import org.centerline.contracts.event.ImporterAssignment;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.topic.Topics;
import org.centerline.routing.assignment.ImporterAssignments;
import org.centerline.routing.config.RoutingProperties;
import org.centerline.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Account-based assignment of an importer to a Center (CBP may assign an importer to a Center for
 * business practice, intended use or value). Writes the compacted {@code importer-assignments} topic;
 * every routing-service instance follows it.
 */
@RestController
@RequestMapping("/api/importer-assignments")
public class ImporterAssignmentController {

    /** The body of a PUT: the Center and, optionally, the day the assignment takes effect (today if absent). */
    public record AssignmentRequest(String centerCode, LocalDate effectiveFrom) {
    }

    private final KafkaTemplate<String, byte[]> kafka;
    private final ImporterAssignments assignments;
    private final RoutingProperties properties;

    public ImporterAssignmentController(KafkaTemplate<String, byte[]> httpKafkaTemplate, ImporterAssignments assignments,
                                        RoutingProperties properties) {
        this.kafka = httpKafkaTemplate;
        this.assignments = assignments;
        this.properties = properties;
    }

    @PutMapping("/{importerNumber}")
    public ImporterAssignment assign(@PathVariable String importerNumber, @RequestBody AssignmentRequest request)
            throws InterruptedException, ExecutionException, TimeoutException {
        checkImporter(importerNumber);
        if (request == null || Centers.find(request.centerCode()).isEmpty()) {
            throw Problems.error(HttpStatus.BAD_REQUEST, "unknown-center", "Unknown Center",
                    "centerCode must be one of " + Centers.all().stream().map(c -> c.code()).toList() + ".");
        }
        LocalDate from = request.effectiveFrom() != null ? request.effectiveFrom() : LocalDate.now(ZoneOffset.UTC);
        ImporterAssignment assignment = new ImporterAssignment(importerNumber,
                Centers.get(request.centerCode()).code(), from);
        send(importerNumber, CenterlineJson.mapper().writeValueAsBytes(assignment));
        return assignment;
    }

    @DeleteMapping("/{importerNumber}")
    public ResponseEntity<Void> remove(@PathVariable String importerNumber)
            throws InterruptedException, ExecutionException, TimeoutException {
        checkImporter(importerNumber);
        send(importerNumber, null);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{importerNumber}")
    public ImporterAssignment get(@PathVariable String importerNumber) {
        checkImporter(importerNumber);
        return assignments.find(importerNumber).orElseThrow(() -> Problems.error(HttpStatus.NOT_FOUND, "not-found",
                "No assignment", "Importer " + importerNumber + " has no account-based Center; its filings route by HTS."));
    }

    private void send(String importerNumber, byte[] value) throws InterruptedException, ExecutionException, TimeoutException {
        kafka.send(new ProducerRecord<>(Topics.IMPORTER_ASSIGNMENTS.name(), importerNumber, value))
                .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void checkImporter(String importerNumber) {
        if (!Formats.isImporterNumber(importerNumber)) {
            throw Problems.error(HttpStatus.BAD_REQUEST, "invalid-importer-number", "Invalid importer number",
                    "'" + importerNumber + "' is not an importer number (NN-NNNNNNNXX, NNN-NN-NNNN or NNNNNN-NNNNN).");
        }
    }
}
