package org.centerline.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.topic.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery stores' topology under a test driver, with the clock in the test's hands: retention forgets
 * finished statuses older than it, never a pending, retrying or dead one; the dead-letter index loses a
 * delivery when it is redelivered; an older state never replaces a newer one.
 */
class DeliveryRetentionTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(30);

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> statuses;
    private TestInputTopic<String, byte[]> deadIndex;

    @BeforeEach
    void start() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "retention-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, Path.of("target", "kstreams-state", UUID.randomUUID().toString()).toString());
        driver = new TopologyTestDriver(DeliveryStores.topology(), p);
        statuses = driver.createInputTopic(Topics.NOTIFICATIONS_DELIVERY_STATUS.name(), new StringSerializer(), new ByteArraySerializer());
        deadIndex = driver.createInputTopic(Topics.NOTIFICATIONS_DEAD_LETTER_INDEX.name(), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void put(String id, DeliveryStatus.State state, Instant at) {
        DeliveryStatus s = new DeliveryStatus(id, "sub", "entry.rejected", state, 1, null, at,
                new Delivery(id, "sub", "entry.rejected", at, Map.of("k", "v")));
        statuses.pipeInput(id, CenterlineJson.mapper().writeValueAsBytes(s));
    }

    @Test
    void retentionForgetsOldFinishedStatusesButNeverAPendingRetryingOrDeadOne() {
        Instant old = NOW.minus(Duration.ofDays(31));
        put("delivered-old", DeliveryStatus.State.DELIVERED, old);
        put("cancelled-old", DeliveryStatus.State.CANCELLED, old);
        put("delivered-recent", DeliveryStatus.State.DELIVERED, NOW.minus(Duration.ofDays(29)));
        put("pending-old", DeliveryStatus.State.PENDING, NOW.minus(Duration.ofDays(400)));
        put("retrying-old", DeliveryStatus.State.RETRYING, old);
        put("dead-old", DeliveryStatus.State.DEAD, NOW.minus(Duration.ofDays(400)));
        KeyValueStore<String, byte[]> store = driver.getKeyValueStore(DeliveryStores.STATUS);

        assertThat(DeliveryLedger.expired(store, NOW, RETENTION)).containsExactlyInAnyOrder("delivered-old", "cancelled-old");
        // The ledger writes a tombstone for each; they come back through the topic.
        DeliveryLedger.expired(store, NOW, RETENTION).forEach(id -> statuses.pipeInput(id, (byte[]) null));
        assertThat(store.get("delivered-old")).isNull();
        assertThat(store.get("cancelled-old")).isNull();
        for (String kept : new String[] {"delivered-recent", "pending-old", "retrying-old", "dead-old"}) {
            assertThat(store.get(kept)).as(kept).isNotNull();
        }
        // A year on, the recent one has gone too; the unfinished and the dead are still there.
        assertThat(DeliveryLedger.expired(store, NOW.plus(Duration.ofDays(365)), RETENTION)).containsExactly("delivered-recent");
    }

    @Test
    void anOlderStateNeverReplacesANewerOne() {
        put("d", DeliveryStatus.State.DELIVERED, NOW);
        put("d", DeliveryStatus.State.PENDING, NOW.minusSeconds(1));
        byte[] kept = driver.<String, byte[]>getKeyValueStore(DeliveryStores.STATUS).get("d");
        assertThat(CenterlineJson.mapper().readValue(kept, DeliveryStatus.class).state()).isEqualTo(DeliveryStatus.State.DELIVERED);
    }

    @Test
    void theDeadLetterIndexHoldsTheDeadUntilARedeliveryRemovesThem() {
        DeliveryStatus dead = new DeliveryStatus("x", "sub", "entry.rejected", DeliveryStatus.State.DEAD, 5, "HTTP 503", NOW,
                new Delivery("x", "sub", "entry.rejected", NOW, Map.of()));
        deadIndex.pipeInput("x", CenterlineJson.mapper().writeValueAsBytes(dead));
        KeyValueStore<String, byte[]> index = driver.getKeyValueStore(DeliveryStores.DEAD);
        assertThat(index.approximateNumEntries()).isEqualTo(1);
        deadIndex.pipeInput("x", (byte[]) null);
        assertThat(index.get("x")).isNull();
    }

    @Test
    void onlyFinishedStatesExpire() {
        for (DeliveryStatus.State state : DeliveryStatus.State.values()) {
            DeliveryStatus s = new DeliveryStatus("i", "s", "t", state, 1, null, NOW.minus(Duration.ofDays(1000)), null);
            assertThat(DeliveryLedger.expired(s, NOW, RETENTION)).as(state.name())
                    .isEqualTo(state == DeliveryStatus.State.DELIVERED || state == DeliveryStatus.State.CANCELLED);
        }
    }
}
