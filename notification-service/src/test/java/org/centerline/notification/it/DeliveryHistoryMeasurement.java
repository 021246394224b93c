package org.centerline.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.testing.SharedKafka;
import org.centerline.contracts.topic.Topics;
import org.centerline.notification.NotificationApplication;
import org.centerline.notification.delivery.Delivery;
import org.centerline.notification.delivery.DeliveryStatus;
import org.centerline.notification.it.NotificationTestSupport.Api;
import org.centerline.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A measurement, not a test (nothing asserted about the numbers; run it by name with {@code -Dmeasure=true}):
 * 100,000 deliveries' history (99,000 delivered, 1,000 dead) on the delivery topics, then: heap after GC before
 * and after the instance took them in, restart time to ready, and the time of {@code GET /api/dead-letters}.
 */
@EnabledIfSystemProperty(named = "measure", matches = "true")
class DeliveryHistoryMeasurement {

    private static final int DELIVERIES = 100_000;
    private static final int DEAD = 1_000;

    @Test
    void measure() throws Exception {
        Path stateDir = Path.of("target", "kstreams-state", UUID.randomUUID().toString());
        Files.createDirectories(stateDir);
        ConfigurableApplicationContext first = start(stateDir);
        Api api = api(first);
        long heapEmpty = heapAfterGc();

        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        String lastId = null;
        String body = "x".repeat(600); // about the size of a rejection's payload
        long writing = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            List<Future<?>> sends = new ArrayList<>();
            for (int i = 0; i < DELIVERIES; i++) {
                String id = UUID.randomUUID().toString();
                boolean dead = i % (DELIVERIES / DEAD) == 0;
                DeliveryStatus s = new DeliveryStatus(id, "measure-sub", "entry.rejected",
                        dead ? DeliveryStatus.State.DEAD : DeliveryStatus.State.DELIVERED, dead ? 5 : 1, dead ? "HTTP 503" : null,
                        Instant.now(), new Delivery(id, "measure-sub", "entry.rejected", Instant.now(), Map.of("payload", body)));
                byte[] json = CenterlineJson.mapper().writeValueAsBytes(s);
                sends.add(producer.send(new ProducerRecord<>(Topics.NOTIFICATIONS_DELIVERY_STATUS.name(), id, json)));
                if (dead) {
                    sends.add(producer.send(new ProducerRecord<>(Topics.NOTIFICATIONS_DEAD_LETTER_INDEX.name(), id, json)));
                }
                lastId = id;
            }
            for (Future<?> f : sends) {
                f.get();
            }
        }
        System.out.printf("MEASURE wrote %,d delivery states in %d ms%n", DELIVERIES, (System.nanoTime() - writing) / 1_000_000);
        Api ops = api.as(TestTokens.ops());
        String last = lastId;
        long taking = System.nanoTime();
        await().atMost(Duration.ofMinutes(5)).until(() -> ops.get("/api/deliveries/" + last).status() == 200);
        System.out.printf("MEASURE the running instance had them all %d ms later%n", (System.nanoTime() - taking) / 1_000_000);
        long heapFull = heapAfterGc();
        deadLetters(ops, "running instance");
        first.close();

        long restart = System.nanoTime();
        ConfigurableApplicationContext second = start(stateDir);
        Api again = api(second);
        long ready = (System.nanoTime() - restart) / 1_000_000;
        Api ops2 = again.as(TestTokens.ops());
        assertThat(ops2.get("/api/deliveries/" + last).status()).isEqualTo(200);
        long heapRestarted = heapAfterGc();
        deadLetters(ops2, "restarted instance");
        second.close();

        System.out.printf("MEASURE restart to ready (same state dir): %d ms%n", ready);
        System.out.printf("MEASURE heap after GC (test JVM: broker + instance): empty history %,d KiB; with %,d deliveries %,d KiB "
                + "(+%,d KiB); after the restart %,d KiB%n", heapEmpty / 1024, DELIVERIES, heapFull / 1024,
                (heapFull - heapEmpty) / 1024, heapRestarted / 1024);
    }

    private static void deadLetters(Api ops, String where) {
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            var r = ops.get("/api/dead-letters");
            long ms = (System.nanoTime() - t) / 1_000_000;
            System.out.printf("MEASURE GET /api/dead-letters on the %s: %d ms, %d status, %,d bytes%n", where, ms, r.status(),
                    r.body().length());
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static ConfigurableApplicationContext start(Path stateDir) {
        return new SpringApplicationBuilder(NotificationApplication.class).run(
                "--server.port=0", "--server.shutdown=immediate", "--centerline.instance-id=measure",
                "--centerline.state-dir=" + stateDir.toAbsolutePath(),
                "--" + TestTokens.PUBLIC_KEY, "--" + TestTokens.AUDIENCE,
                "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers());
    }

    private static Api api(ConfigurableApplicationContext context) {
        Api api = new Api(((WebServerApplicationContext) context).getWebServer().getPort());
        await().atMost(Duration.ofSeconds(120)).until(api::ready);
        return api;
    }
}
