package org.centerline.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.notification.source.Notification;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/** The registry's index by event type and party gives exactly what checking every subscription would. */
class SubscriptionIndexTest {

    private static final List<String> FILERS = List.of("AB1", "AB2", "AB3");
    private static final List<String> IMPORTERS = List.of("12-0000001AB", "12-0000002AB");
    private static final List<String> CENTERS = List.of("ELE", "MAC");

    private static <T> List<T> some(Random r, List<T> from) {
        List<T> out = new ArrayList<>();
        from.forEach(v -> {
            if (r.nextInt(3) == 0) {
                out.add(v);
            }
        });
        return out;
    }

    private static <T> T any(Random r, List<T> from) {
        return r.nextInt(4) == 0 ? null : from.get(r.nextInt(from.size()));
    }

    @Test
    void theIndexMatchesExactlyWhatAFullScanWould() {
        SubscriptionRegistry registry = new SubscriptionRegistry(new DefaultKafkaConsumerFactory<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092")));
        Random r = new Random(42);
        List<Subscription> all = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Subscription s = new Subscription("s" + i, "who", some(r, Notification.EVENT_TYPES), some(r, FILERS), some(r, IMPORTERS),
                    some(r, CENTERS), some(r, List.of("trade", "agency")), new Subscription.Webhook("https://x", null), Instant.EPOCH, null);
            all.add(s);
            registry.apply(record(s.id(), s));
        }
        // Some are changed, some deleted.
        for (int i = 0; i < 300; i += 7) {
            Subscription s = all.get(i);
            Subscription changed = new Subscription(s.id(), "who", List.of(), List.of(FILERS.get(0)), List.of(), List.of(), List.of(),
                    s.webhook(), Instant.EPOCH, null);
            all.set(i, changed);
            registry.apply(record(s.id(), changed));
        }
        for (int i = 3; i < 300; i += 11) {
            registry.apply(record(all.get(i).id(), null));
            all.set(i, null);
        }
        List<Subscription> live = all.stream().filter(java.util.Objects::nonNull).toList();
        for (int i = 0; i < 2000; i++) {
            String type = Notification.EVENT_TYPES.get(r.nextInt(Notification.EVENT_TYPES.size()));
            Notification n = new Notification("src/" + i, type, Instant.EPOCH, any(r, FILERS), any(r, IMPORTERS), any(r, CENTERS),
                    type.equals(Notification.ANNOUNCEMENT) ? some(r, List.of("trade", "agency")) : List.of(), null);
            assertThat(registry.matching(n)).as(n.toString())
                    .containsExactlyInAnyOrderElementsOf(live.stream().filter(s -> s.matches(n)).toList());
        }
    }

    private static ConsumerRecord<byte[], byte[]> record(String id, Subscription s) {
        return new ConsumerRecord<>("notification-subscriptions", 0, 0, id.getBytes(StandardCharsets.UTF_8),
                s == null ? null : CenterlineJson.mapper().writeValueAsBytes(s));
    }
}
