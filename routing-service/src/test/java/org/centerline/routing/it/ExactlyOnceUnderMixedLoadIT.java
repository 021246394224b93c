package org.centerline.routing.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.sample.FilingGenerator;
import org.centerline.contracts.topic.Topics;
import org.junit.jupiter.api.Test;

/** Over 10,000 mixed filings (valid, invalid, re-filed): filed = routed + rejected, and no entry open in two Centers. */
class ExactlyOnceUnderMixedLoadIT extends RoutingIntegrationTest {

    private static final int FILINGS = 10_000;
    private static final Pattern ENTRY_NUMBER = Pattern.compile("\"entryNumber\":\"([^\"]+)\"");

    @Test
    void everyFilingEndsInExactlyOnePlace() {
        FilingGenerator generator = new FilingGenerator(2026, 0.05, 0.03, LocalDate.of(2026, 11, 20));
        Set<String> ours = new HashSet<>();
        int expectedInvalid = 0;
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < FILINGS; i++) {
                FilingGenerator.Filing filing = generator.next();
                ours.add(filing.key());
                // A rejection is keyed by the entry number in the filing when it is well-formed, which an
                // invalid filing may have changed (a wrong check digit).
                Matcher number = ENTRY_NUMBER.matcher(filing.text());
                if (number.find()) {
                    ours.add(number.group(1));
                }
                expectedInvalid += filing.valid() ? 0 : 1;
                producer.send(new ProducerRecord<>(Topics.FILED.name(), filing.key(), filing.json()));
            }
        }
        List<String> topics = new ArrayList<>(List.of(Topics.ROUTED.name(), Topics.REJECTED.name()));
        Centers.all().forEach(c -> topics.add(Topics.centerTopicName(c.code())));
        try (KafkaConsumer<String, String> reader = committedReader(topics.toArray(String[]::new))) {
            List<ConsumerRecord<String, String>> records = new ArrayList<>(readUntil(reader, Duration.ofSeconds(180),
                    all -> outcomes(all, ours) >= FILINGS));
            readToEnd(reader, records);
            List<ConsumerRecord<String, String>> mine = records.stream().filter(r -> ours.contains(r.key())).toList();
            long routed = mine.stream().filter(r -> r.topic().equals(Topics.ROUTED.name())).count();
            long rejected = mine.stream().filter(r -> r.topic().equals(Topics.REJECTED.name())).count();
            assertThat(routed + rejected).as("filed = routed + rejected").isEqualTo(FILINGS);
            assertThat(rejected).as("the generator's invalid filings, each rejected once").isEqualTo(expectedInvalid);

            // Each routing decision put the filing on exactly one Center topic: same count, no duplicates.
            long queued = mine.stream().filter(r -> r.topic().startsWith("centers.")
                    && "ROUTED".equals(json(r.value()).get("action"))).count();
            assertThat(queued).isEqualTo(routed);

            // Replaying each Center topic in order: every entry is open in at most one Center at the end.
            Map<String, Set<String>> openIn = new HashMap<>();
            for (ConsumerRecord<String, String> r : mine) {
                if (r.topic().startsWith("centers.")) {
                    Set<String> centers = openIn.computeIfAbsent(r.key(), k -> new HashSet<>());
                    if ("ROUTED".equals(json(r.value()).get("action"))) {
                        centers.add(r.topic());
                    } else {
                        centers.remove(r.topic());
                    }
                }
            }
            assertThat(openIn.values()).allSatisfy(centers -> assertThat(centers).hasSize(1));
        }
    }

    private static long outcomes(List<ConsumerRecord<String, String>> all, Set<String> ours) {
        return all.stream().filter(r -> (r.topic().equals(Topics.ROUTED.name()) || r.topic().equals(Topics.REJECTED.name()))
                && ours.contains(r.key())).count();
    }
}
