package org.centerline.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.centerline.notification.it.NotificationTestSupport.uniqueFiler;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.centerline.contracts.event.RebalancingReview;
import org.centerline.contracts.topic.Topics;
import org.centerline.notification.it.WebhookReceiver.Request;
import org.centerline.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Rebalancing reviews end to end: a review on {@code rebalancing-reviews} reaches, by signed webhook, the
 * subscriptions that ask for the audience "Center directors" (a director's), once, and not the others (another
 * audience, a filer's subscription without filters); the same review read again is not announced again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        TestTokens.PUBLIC_KEY, TestTokens.AUDIENCE,
        "centerline.notification.allowed-hosts=127.0.0.1",
        "centerline.notification.retry.initial-delay-ms=100",
        "centerline.notification.retry.multiplier=2",
        "centerline.notification.retry.max-delay-ms=800",
        "centerline.notification.retry.jitter-ms=20",
        "server.shutdown=immediate"})
class ReviewAnnouncedIT extends RunningServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** A review of a period no other run used (the topic is shared by the tests of this JVM). */
    private static RebalancingReview review(String previous) {
        Instant from = Instant.parse("2030-01-07T00:00:00Z").plus(ThreadLocalRandom.current().nextInt(1_000_000), ChronoUnit.DAYS);
        return new RebalancingReview(1, from.toString(), from, from.plus(Duration.ofDays(7)), Instant.now(), "PT720H", previous,
                new RebalancingReview.Headline(1, List.of("ELE"), 2, 3, 400.0, 350.0), List.of(), List.of(), List.of(), false);
    }

    private void subscribe(String token, WebhookReceiver hook, Map<String, Object> filters) {
        Map<String, Object> body = new LinkedHashMap<>(filters);
        body.put("subscriber", "it-" + UUID.randomUUID());
        body.put("webhook", Map.of("url", hook.url(), "secret", "review-secret-" + UUID.randomUUID()));
        subscriptions.add(api.as(token).subscribe(body).get("id").asString());
    }

    @Test
    void aReviewReachesCenterDirectorsOnceAndNobodyElse() {
        WebhookReceiver director = receiver();
        WebhookReceiver otherAudience = receiver();
        WebhookReceiver filer = receiver();
        subscribe(TestTokens.director("ELE"), director, Map.of("audiences", List.of("Center directors")));
        subscribe(TestTokens.director("PNG"), otherAudience, Map.of("audiences", List.of("Importers")));
        subscribe(TestTokens.filer(uniqueFiler()), filer, Map.of());

        RebalancingReview first = review(null);
        kafka.publish(Topics.REBALANCING_REVIEWS.name(), first.id(), first);
        List<Request> got = await().atMost(WAIT).until(director::requests, l -> l.size() >= 1);
        Request announced = got.get(0);
        assertThat(announced.json().path("eventType").asString()).isEqualTo("announcement");
        assertThat(announced.json().at("/data/reviewId").asString()).isEqualTo(first.id());
        assertThat(announced.json().at("/data/audiences/0").asString()).isEqualTo("Center directors");
        assertThat(announced.json().at("/data/headline/hiresRecommended").asInt()).isEqualTo(2);
        assertThat(announced.json().at("/data/headline/centersOverBand").asInt()).isEqualTo(1);
        assertThat(announced.json().at("/data/title").asString()).contains("1 Center over the band", "2 hires recommended");
        // The delivery is recorded as delivered before the same review is read again.
        await().atMost(WAIT).until(() -> api.as(TestTokens.admin()).get("/api/deliveries/" + announced.deliveryId())
                .body().contains("DELIVERED"));

        // The same review again (a re-read), then the next review: the next is announced, the first not twice.
        kafka.publish(Topics.REBALANCING_REVIEWS.name(), first.id(), first);
        RebalancingReview second = review(first.id());
        kafka.publish(Topics.REBALANCING_REVIEWS.name(), second.id(), second);
        List<Request> both = await().atMost(WAIT).until(director::requests,
                l -> l.stream().anyMatch(r -> r.json().at("/data/reviewId").asString().equals(second.id())));
        assertThat(both).extracting(r -> r.json().at("/data/reviewId").asString())
                .containsExactlyInAnyOrder(first.id(), second.id());

        // Nothing for the other audience or the filer (an announcement would reach the filer's unfiltered subscription).
        assertThat(otherAudience.requests()).isEmpty();
        assertThat(filer.requests()).isEmpty();
    }
}
