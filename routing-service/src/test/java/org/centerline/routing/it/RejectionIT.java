package org.centerline.routing.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.centerline.contracts.topic.Topics;
import org.junit.jupiter.api.Test;

/** Bad filings are rejected with every reason, on the record, and never stop the consumer. */
class RejectionIT extends RoutingIntegrationTest {

    @Test
    void anInvalidFilingIsRejectedWithEveryReasonAndItsPayload() {
        String filing = """
                {"entryNumber":"ABC-7654321-0","filerCode":"XYZ","entryType":"01","importerNumber":"12-3456789AB",
                 "portOfEntry":"27","summaryDate":"2026-11-20","entryDate":"2026-11-21",
                 "lines":[{"lineNumber":1,"htsNumber":"847130","countryOfOrigin":"CN","enteredValue":-5},
                          {"lineNumber":1,"htsNumber":"7701000000","countryOfOrigin":"China","enteredValue":10.5}]}""";
        send(Topics.FILED.name(), "ABC-7654321-0", filing);

        try (KafkaConsumer<String, String> reader = committedReader(Topics.REJECTED.name())) {
            ConsumerRecord<String, String> rejection = find(reader, "ABC-7654321-0");
            Map<String, Object> value = json(rejection.value());
            @SuppressWarnings("unchecked")
            List<Map<String, String>> reasons = (List<Map<String, String>>) value.get("reasons");
            assertThat(reasons).extracting(r -> r.get("field") + " " + r.get("code")).containsExactlyInAnyOrder(
                    "entryNumber ENTRY_NUMBER_CHECK_DIGIT",
                    "filerCode FILER_CODE_MISMATCH",
                    "portOfEntry PORT_FORMAT",
                    "summaryDate SUMMARY_BEFORE_ENTRY",
                    "lines[0].htsNumber HTS_FORMAT",
                    "lines[0].enteredValue ENTERED_VALUE_NEGATIVE",
                    "lines[1].lineNumber LINE_NUMBER_DUPLICATE",
                    "lines[1].htsNumber HTS_CHAPTER_UNKNOWN",
                    "lines[1].countryOfOrigin COUNTRY_FORMAT");
            assertThat(value.get("payload")).isEqualTo(filing);
            assertThat(value.get("filerCode")).isEqualTo("XYZ");
            assertThat(value.get("rejectedAt")).isNotNull();
        }
    }

    @Test
    void aRecordThatIsNotJsonIsRejectedAndTheNextFilingIsStillRouted() {
        send(Topics.FILED.name(), "garbage-key-1", new byte[] {(byte) 0xC3, (byte) 0x28, '{', '"'});
        var next = new org.centerline.contracts.sample.FilingGenerator(23, 0.0).validFor("AGR");
        send(Topics.FILED.name(), next.key(), next.json());

        try (KafkaConsumer<String, String> reader = committedReader(Topics.REJECTED.name())) {
            Map<String, Object> value = json(find(reader, "garbage-key-1").value());
            assertThat(value.get("entryNumber")).isNull();
            assertThat(value.toString()).contains("MALFORMED_JSON");
        }
        try (KafkaConsumer<String, String> reader = committedReader(Topics.ROUTED.name())) {
            assertThat(json(find(reader, next.key()).value()).get("centerCode")).isEqualTo("AGR");
        }
    }

    @Test
    void aRecordWithoutAValueOrNotInUtf8IsRejectedAndTheNextFilingIsStillRouted() {
        send(Topics.FILED.name(), "no-value-key-1", (byte[]) null);
        send(Topics.FILED.name(), "overlong-key-1", "{\"entryNumber\":\"\u00c0\u00af\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        send(Topics.FILED.name(), "utf16-key-1", "{\"schemaVersion\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        var next = new org.centerline.contracts.sample.FilingGenerator(29, 0.0).validFor("CPM");
        send(Topics.FILED.name(), next.key(), next.json());

        try (KafkaConsumer<String, String> reader = committedReader(Topics.REJECTED.name())) {
            assertThat(find(reader, "no-value-key-1").value()).contains("MALFORMED_JSON").contains("empty");
        }
        try (KafkaConsumer<String, String> reader = committedReader(Topics.REJECTED.name())) {
            assertThat(find(reader, "overlong-key-1").value()).contains("not UTF-8: byte 16 (0xC0)");
        }
        try (KafkaConsumer<String, String> reader = committedReader(Topics.REJECTED.name())) {
            assertThat(find(reader, "utf16-key-1").value()).contains("not UTF-8: byte 1 (0x00)");
        }
        try (KafkaConsumer<String, String> reader = committedReader(Topics.ROUTED.name())) {
            assertThat(json(find(reader, next.key()).value()).get("centerCode")).isEqualTo("CPM");
        }
    }

    /** The one record with this key (read to the end of the topic, so a duplicate fails the test). */
    static ConsumerRecord<String, String> find(KafkaConsumer<String, String> reader, String key) {
        List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>(readUntil(reader, Duration.ofSeconds(60),
                all -> all.stream().anyMatch(r -> key.equals(r.key()))));
        readToEnd(reader, records);
        List<ConsumerRecord<String, String>> matching = records.stream().filter(r -> key.equals(r.key())).toList();
        assertThat(matching).as("records keyed " + key).hasSize(1);
        return matching.get(0);
    }
}
