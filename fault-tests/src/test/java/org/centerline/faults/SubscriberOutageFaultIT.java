package org.centerline.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.centerline.contracts.entry.EntryNumber;
import org.centerline.contracts.event.Rejection;
import org.centerline.contracts.event.RejectionReason;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.topic.Topics;
import org.centerline.faults.WebhookReceiver.Call;
import org.centerline.stackprocess.KafkaClients;
import org.centerline.stackprocess.ServiceJvm;
import org.centerline.stackprocess.Sleep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7, subscriber outage: a filer's webhook receiver goes down (connection refused) while its rejections keep
 * coming, then comes back on the same port. Every notification must arrive after it is back, none lost, each under one
 * delivery id: the ones that failed while it was down are delivered under the id they failed with, and a delivery the
 * receiver refuses once (503) comes again with the same id. notification-service runs with its shipped retry settings
 * (5 attempts, 1 s then times 3: 40 s in all), so an outage of a few seconds is well inside them.
 */
class SubscriberOutageFaultIT {

    static final String FILER = "QFS";
    static final String SECRET = "fault-tests-webhook-secret";
    static final int PER_PHASE = 30;
    static final Duration DOWN_FOR = Duration.ofSeconds(4);

    private final Measurements m = new Measurements("subscriber outage");
    private int serial = 3_000_000;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void everyNotificationArrivesAfterTheReceiverComesBackUnderTheSameDeliveryId() {
        try (FaultStack stack = FaultStack.start("subscriber-outage");
             WebhookReceiver receiver = WebhookReceiver.start(SECRET);
             KafkaProducer<String, byte[]> routing = new KafkaProducer<>(KafkaClients.filer(stack.bootstrap(), "fault-rejections", 0))) {
            // Webhooks to internal addresses (loopback included) are refused unless their host is allowed.
            ServiceJvm notification = stack.launch("notification-service", "--centerline.notification.allowed-hosts=127.0.0.1")
                    .awaitReady(FaultStack.READY_TIMEOUT);
            String filer = stack.tokens().filer(FILER);
            ServiceJvm.Answer subscribed = notification.send("POST", "/api/subscriptions", filer, """
                    {"subscriber":"fault-tests","eventTypes":["entry.rejected"],"filerCodes":["%s"],
                     "webhook":{"url":"%s","secret":"%s"}}""".formatted(FILER, receiver.url(), SECRET));
            assertThat(subscribed.status()).as("subscription: " + subscribed.body()).isEqualTo(201);

            List<String> before = reject(routing, PER_PHASE);
            Await.untilMatches("deliveries before the outage", Duration.ofSeconds(90), Duration.ofMillis(200), Duration.ZERO,
                    () -> missing(receiver, before));

            receiver.down();
            long down = System.nanoTime();
            List<String> during = reject(routing, PER_PHASE);
            Sleep.millis(DOWN_FOR.toMillis());
            String ops = stack.tokens().ops();
            Await.untilMatches("failed attempts while the receiver is down", Duration.ofSeconds(90), Duration.ofMillis(200),
                    Duration.ZERO, () -> retries(notification, ops) >= during.size() ? null : retries(notification, ops) + " retries");
            long failedWhileDown = retries(notification, ops);
            List<String> after = nextEntryNumbers(PER_PHASE);
            receiver.refuseFirstCall(body -> after.contains(entryNumber(body)));
            receiver.up();
            long back = System.nanoTime();
            m.say("receiver down for %.1f s while %d rejections were filed (%d failed attempts meanwhile); back on the same port",
                    Measurements.seconds(down), during.size(), failedWhileDown);
            reject(routing, after);

            List<String> all = new ArrayList<>(before);
            all.addAll(during);
            all.addAll(after);
            Await.untilMatches("every notification delivered", Duration.ofSeconds(120), Duration.ofMillis(200), Duration.ofSeconds(2),
                    () -> missing(receiver, all));
            m.say("all %d delivered %.1f s after the receiver came back", all.size(), Measurements.seconds(back));

            List<Call> calls = receiver.calls();
            Map<String, Set<String>> idsByEntry = new HashMap<>();
            Set<String> refused = new HashSet<>();
            Set<String> deliveredIds = new HashSet<>();
            for (Call c : calls) {
                idsByEntry.computeIfAbsent(entryNumber(c.body()), e -> new HashSet<>()).add(c.deliveryId());
                if (c.answeredWith() == 503) {
                    refused.add(c.deliveryId());
                } else {
                    deliveredIds.add(c.deliveryId());
                }
            }
            long duplicates = calls.stream().filter(c -> c.answeredWith() == 200).count() - deliveredIds.size();
            m.say("%d calls received: %d answered 503 (the first call of each delivery filed after the comeback), %d delivered "
                    + "ids, %d duplicate deliveries", calls.size(), refused.size(), deliveredIds.size(), duplicates);

            assertThat(idsByEntry.keySet()).as("notified entries").containsExactlyInAnyOrderElementsOf(all);
            assertThat(idsByEntry).as("one delivery id per notification, on every call")
                    .allSatisfy((entry, ids) -> assertThat(ids).hasSize(1));
            assertThat(calls).as("signed with the subscription's secret").allMatch(Call::signatureValid);
            assertThat(refused).as("refused deliveries").hasSize(after.size());
            assertThat(deliveredIds).as("every refused delivery came again with the same id and got through")
                    .containsAll(refused);
            Map<Integer, Integer> attempts = new TreeMap<>();
            int failedAttempts = 0;
            for (String entry : during) {
                String id = idsByEntry.get(entry).iterator().next();
                ServiceJvm.Answer status = notification.get("/api/deliveries/" + id, filer);
                assertThat(status.status()).as("delivery " + id + ": " + status.body()).isEqualTo(200);
                JsonNode state = CenterlineJson.mapper().readTree(status.body());
                assertThat(state.path("state").asString("")).as("state of " + id).isEqualTo("DELIVERED");
                attempts.merge(state.path("attempts").asInt(), 1, Integer::sum);
                failedAttempts += state.path("attempts").asInt() - 1;
            }
            m.say("deliveries filed during the outage, by attempts until delivered: %s", attempts);
            // Only these deliveries could fail while the receiver was down: every failed attempt belongs to one of them,
            // under the id it was finally delivered with.
            assertThat(failedAttempts).as("failed attempts of the deliveries filed during the outage")
                    .isGreaterThanOrEqualTo((int) failedWhileDown);
        }
    }

    /** Publishes {@code n} rejections for {@link #FILER}, as routing-service does, and returns their entry numbers. */
    private List<String> reject(KafkaProducer<String, byte[]> producer, int n) {
        List<String> entries = nextEntryNumbers(n);
        reject(producer, entries);
        return entries;
    }

    private List<String> nextEntryNumbers(int n) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(EntryNumber.of(FILER, String.format("%07d", serial++)).toString());
        }
        return entries;
    }

    private static void reject(KafkaProducer<String, byte[]> producer, List<String> entries) {
        for (String entry : entries) {
            Rejection rejection = new Rejection(1, entry, FILER, List.of(new RejectionReason("lines[0].htsNumber",
                    "HTS_FORMAT", "htsNumber '847130' must be 10 digits.")), Instant.now(),
                    "{\"entryNumber\":\"" + entry + "\"}");
            producer.send(new ProducerRecord<>(Topics.REJECTED.name(), entry, CenterlineJson.mapper().writeValueAsBytes(rejection)));
        }
        producer.flush();
    }

    /** Failed delivery attempts so far ({@code centerline.notification.retries}; 0 before the first). */
    private static long retries(ServiceJvm notification, String ops) {
        ServiceJvm.Answer a = notification.get("/actuator/metrics/centerline.notification.retries", ops);
        if (a.status() == 404) {
            return 0;
        }
        if (!a.ok()) {
            throw new IllegalStateException("retries metric answered " + a.status() + ": " + a.body());
        }
        return (long) CenterlineJson.mapper().readTree(a.body()).path("measurements").path(0).path("value").asDouble();
    }

    private static String missing(WebhookReceiver receiver, List<String> entries) {
        Set<String> delivered = new HashSet<>();
        for (Call c : receiver.calls()) {
            if (c.answeredWith() == 200) {
                delivered.add(entryNumber(c.body()));
            }
        }
        List<String> missing = entries.stream().filter(e -> !delivered.contains(e)).toList();
        return missing.isEmpty() ? null : missing.size() + " of " + entries.size() + " not delivered, e.g. " + missing.get(0);
    }

    /** The entry number a webhook body's rejection is about. */
    private static String entryNumber(String body) {
        return CenterlineJson.mapper().readTree(body).path("data").path("entryNumber").asString("");
    }
}
