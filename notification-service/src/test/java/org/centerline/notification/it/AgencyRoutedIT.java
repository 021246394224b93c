package org.centerline.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.centerline.notification.it.NotificationTestSupport.entryNumber;
import static org.centerline.notification.it.NotificationTestSupport.uniqueFiler;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.centerline.contracts.event.PartnerAgency;
import org.centerline.contracts.event.RoutingBasis;
import org.centerline.contracts.event.RoutingDecision;
import org.centerline.contracts.event.RoutingFlag;
import org.centerline.contracts.topic.Topics;
import org.centerline.notification.it.WebhookReceiver.Request;
import org.centerline.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@code entry.routed} end to end: routing decisions on {@code entry-summaries.routed} reach, by signed
 * webhook, the partner agencies they name in {@code partnerAgencies}, and no other agency or party.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        TestTokens.PUBLIC_KEY, TestTokens.AUDIENCE,
        "centerline.notification.allowed-hosts=127.0.0.1",
        "centerline.notification.retry.initial-delay-ms=100",
        "centerline.notification.retry.multiplier=2",
        "centerline.notification.retry.max-delay-ms=800",
        "centerline.notification.retry.jitter-ms=20",
        "server.shutdown=immediate"})
class AgencyRoutedIT extends RunningServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static RoutingDecision decision(String entry, String filer, PartnerAgency... agencies) {
        Instant now = Instant.now();
        return new RoutingDecision(1, entry, filer, "12-3456789AB", "01", "AGR", RoutingBasis.HTS, Map.of("AGR", 1),
                Map.of("0306", 1), "2026.11-1", 1.2, List.of(RoutingFlag.UFLPA), null, now, now, List.of(agencies),
                Map.of("partnerAgencies", "2026.12-1"));
    }

    private String subscribe(String token, WebhookReceiver hook, Map<String, Object> filters) {
        Map<String, Object> body = new LinkedHashMap<>(filters);
        body.put("subscriber", "it-" + UUID.randomUUID());
        body.put("webhook", Map.of("url", hook.url(), "secret", "agency-secret-" + UUID.randomUUID()));
        String id = api.as(token).subscribe(body).get("id").asString();
        subscriptions.add(id);
        return id;
    }

    @Test
    void anAgencyHearsOfEveryEntryThatNamesItAndNothingElse() {
        WebhookReceiver fda = receiver();
        WebhookReceiver epa = receiver();
        WebhookReceiver filerHook = receiver();
        String filer = uniqueFiler();
        subscribe(TestTokens.agency("FDA"), fda, Map.of());
        subscribe(TestTokens.agency("EPA"), epa, Map.of("eventTypes", List.of("entry.routed")));
        subscribe(TestTokens.filer(filer), filerHook, Map.of());

        String seafood = entryNumber(filer);
        String car = entryNumber(filer);
        String plain = entryNumber(filer);
        String food = entryNumber(filer);
        kafka.publish(Topics.ROUTED.name(), seafood, decision(seafood, filer, new PartnerAgency("NMFS", "NM8", true),
                new PartnerAgency("FDA", "FD3", false)));
        kafka.publish(Topics.ROUTED.name(), car, decision(car, filer, new PartnerAgency("NHTSA", "DT2", true),
                new PartnerAgency("EPA", "EP5", false)));
        kafka.publish(Topics.ROUTED.name(), plain, decision(plain, filer));
        kafka.publish(Topics.ROUTED.name(), food, decision(food, filer, new PartnerAgency("FDA", "FD3", false)));

        List<Request> toFda = await().atMost(WAIT).until(fda::requests, l -> l.size() >= 2);
        List<Request> toEpa = await().atMost(WAIT).until(epa::requests, l -> l.size() >= 1);
        assertThat(toFda).extracting(r -> r.json().at("/data/entryNumber").asString()).containsExactlyInAnyOrder(seafood, food);
        assertThat(toFda).allSatisfy(r -> {
            assertThat(r.json().get("eventType").asString()).isEqualTo("entry.routed");
            assertThat(r.json().at("/data/partnerAgencies").toString()).contains("\"FDA\"");
        });
        assertThat(toEpa).extracting(r -> r.json().at("/data/entryNumber").asString()).containsExactly(car);
        // the last decision (food, FDA) has reached FDA: had the filer been sent any of them, it would have been by now
        assertThat(filerHook.requests()).isEmpty();
        assertThat(fda.requests()).hasSize(2);
    }
}
