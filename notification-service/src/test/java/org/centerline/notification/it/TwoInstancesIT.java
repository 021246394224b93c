package org.centerline.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.centerline.notification.it.NotificationTestSupport.entryNumber;
import static org.centerline.notification.it.NotificationTestSupport.uniqueFiler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.testing.SharedKafka;
import org.centerline.notification.NotificationApplication;
import org.centerline.notification.it.NotificationTestSupport.Api;
import org.centerline.notification.it.NotificationTestSupport.Publisher;
import org.centerline.notification.it.WebhookReceiver.Request;
import org.centerline.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the service (same consumer groups, own ports and instance ids) on one broker: a live screen
 * on EACH gets every event it may see exactly once; a screen that drops and comes back with {@code Last-Event-ID}
 * (on the other instance) gets what it missed and then the live ones; a webhook gets every delivery once, with
 * the same {@code webhook-id} on every attempt, while one instance is closed.
 */
class TwoInstancesIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void everyScreenOnEitherInstanceGetsEveryEventOnceAndAResumedOneWhatItMissed() throws Exception {
        String filer = uniqueFiler();
        String token = TestTokens.filer(filer);
        String query = "eventTypes=entry.rejected";
        try (Publisher kafka = new Publisher(); WebhookReceiver hook = WebhookReceiver.start()) {
            ConfigurableApplicationContext a = start("it-a");
            ConfigurableApplicationContext b = start("it-b");
            try {
                Api apiA = api(a).as(token);
                Api apiB = api(b).as(token);
                String subscription = apiA.subscribe(Map.of("subscriber", "two instances", "eventTypes", List.of("entry.rejected"),
                        "webhook", Map.of("url", hook.url()))).get("id").asString();

                List<String> first = new ArrayList<>();
                try (EventStream onA = EventStream.open(apiA.base(), query, token);
                     EventStream onB = EventStream.open(apiB.base(), query, token)) {
                    assertThat(onA.next(l -> l.startsWith(":connected"), WAIT)).isNotNull();
                    assertThat(onB.next(l -> l.startsWith(":connected"), WAIT)).isNotNull();
                    for (int i = 0; i < 12; i++) {
                        String entry = entryNumber(filer);
                        first.add(entry);
                        kafka.reject(entry, entry, filer); // keyed by entry: spread over the topic's partitions
                    }
                    for (EventStream s : List.of(onA, onB)) {
                        await().atMost(WAIT).until(() -> entries(s).size() >= first.size());
                        Thread.sleep(300);
                        assertThat(entries(s)).as("every event once").containsExactlyInAnyOrderElementsOf(first);
                        assertThat(s.received(l -> l.startsWith("id:"))).hasSize(first.size());
                    }

                    // The screen on B drops; events happen meanwhile; it comes back on A with the last id it had.
                    String lastId = onB.lastId();
                    onB.close();
                    List<String> missed = new ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        String entry = entryNumber(filer);
                        missed.add(entry);
                        kafka.reject(entry, entry, filer);
                    }
                    await().atMost(WAIT).until(() -> entries(onA).size() >= first.size() + missed.size());
                    try (EventStream resumed = EventStream.open(apiA.base(), query, token, lastId)) {
                        await().atMost(WAIT).until(() -> entries(resumed).size() >= missed.size());
                        String later = entryNumber(filer);
                        kafka.reject(later, later, filer);
                        await().atMost(WAIT).until(() -> entries(resumed).contains(later));
                        Thread.sleep(300);
                        List<String> expected = new ArrayList<>(missed);
                        expected.add(later);
                        assertThat(entries(resumed)).as("what it missed, then live, none twice")
                                .containsExactlyInAnyOrderElementsOf(expected);
                        assertThat(entries(resumed).get(entries(resumed).size() - 1)).isEqualTo(later);
                        first.addAll(expected);
                    }
                    // A made-up position is refused, not taken as "from the start".
                    try (EventStream bad = EventStream.open(apiA.base(), query, token, "not-a-position")) {
                        assertThat(bad.status()).isEqualTo(400);
                    }
                }

                // Webhooks: receiver fails a few attempts; instance B closes; every delivery arrives once, same id throughout.
                hook.failNext(4);
                b.close();
                List<String> more = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    String entry = entryNumber(filer);
                    more.add(entry);
                    kafka.reject(entry, entry, filer);
                }
                List<String> all = new ArrayList<>(first);
                all.addAll(more);
                await().atMost(Duration.ofSeconds(60)).until(() -> delivered(hook).keySet().containsAll(all));
                Thread.sleep(1000);
                Map<String, List<Request>> byEntry = delivered(hook);
                assertThat(byEntry.keySet()).containsExactlyInAnyOrderElementsOf(all);
                for (List<Request> attempts : byEntry.values()) {
                    assertThat(attempts.stream().map(r -> r.header("webhook-id")).distinct().toList())
                            .as("the same webhook-id on every attempt").hasSize(1);
                    assertThat(attempts.get(0).header("webhook-id")).isEqualTo(attempts.get(0).json().get("deliveryId").asString());
                }
                assertThat(hook.requests()).as("each delivery once, plus the four refused attempts")
                        .hasSize(all.size() + 4);
                apiA.delete("/api/subscriptions/" + subscription);
            } finally {
                b.close();
                a.close();
            }
        }
    }

    private static List<String> entries(EventStream stream) {
        return stream.received(l -> l.startsWith("data:")).stream()
                .map(l -> CenterlineJson.mapper().readTree(l.substring(5)).at("/data/entryNumber").asString())
                .toList();
    }

    private static Map<String, List<Request>> delivered(WebhookReceiver hook) {
        return hook.requests().stream().collect(Collectors.groupingBy(r -> r.json().at("/data/entryNumber").asString(),
                HashMap::new, Collectors.toList()));
    }

    static ConfigurableApplicationContext start(String instanceId) {
        return new SpringApplicationBuilder(NotificationApplication.class).run(
                "--server.port=0",
                "--server.shutdown=immediate",
                "--centerline.instance-id=" + instanceId,
                "--" + TestTokens.PUBLIC_KEY,
                "--" + TestTokens.AUDIENCE,
                "--centerline.notification.allowed-hosts=127.0.0.1",
                "--centerline.notification.retry.initial-delay-ms=100",
                "--centerline.notification.retry.multiplier=2",
                "--centerline.notification.retry.max-delay-ms=800",
                "--centerline.notification.retry.jitter-ms=20",
                "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers());
    }

    static Api api(ConfigurableApplicationContext context) {
        Api api = new Api(((WebServerApplicationContext) context).getWebServer().getPort());
        await().atMost(Duration.ofSeconds(60)).until(api::ready);
        return api;
    }
}
