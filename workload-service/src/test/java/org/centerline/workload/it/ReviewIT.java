package org.centerline.workload.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.centerline.contracts.event.RebalancingReview;
import org.centerline.contracts.event.RoutingBasis;
import org.centerline.contracts.event.RoutingDecision;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.testing.SharedKafka;
import org.centerline.contracts.topic.Topics;
import org.centerline.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The rebalancing review on a real broker with a shortened schedule (a period of 4 seconds, looked at every 200 ms):
 * reviews appear on {@code rebalancing-reviews} and at {@code GET /api/reviews}, latest first, one per period, each
 * pointing at the one before; {@code GET /api/reviews/{id}}; who may read them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        TestTokens.PUBLIC_KEY, TestTokens.AUDIENCE,
        "centerline.workload.demand-window=1d", "centerline.workload.review.every=4s",
        "centerline.workload.review.check-every=200ms"})
class ReviewIT {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", SharedKafka::bootstrapServers);
        registry.add("spring.kafka.streams.application-id", () -> "workload-review-it-" + UUID.randomUUID());
        registry.add("spring.kafka.streams.state-dir", () -> "target/kstreams-state/" + UUID.randomUUID());
    }

    @Test
    void reviewsArePublishedOnScheduleAndReadableLatestFirst() throws Exception {
        // One open entry at MAC (filed now): the reviews count it in MAC's backlog.
        String entry = "RVW-" + String.format("%07d", (int) (System.nanoTime() % 10_000_000)) + "-0";
        Instant now = Instant.now();
        RoutingDecision decision = new RoutingDecision(1, entry, "RVW", "12-3456789AB", "01", "MAC", RoutingBasis.HTS,
                Map.of("MAC", 1), Map.of("8703", 1), "2026.11-1", 1.0, List.of(), null, now, now, null, null);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.ROUTED.name(), entry, CenterlineJson.mapper().writeValueAsBytes(decision)))
                    .get();
        }

        RestClient director = as(TestTokens.director("ELE"));
        // The first check notes the period it starts in; the reviews follow at each 4-second boundary.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            RebalancingReview[] latest = reviews(director);
            return latest.length >= 2 && backlog(latest[0], "MAC") >= 1;
        });
        RebalancingReview[] latest = reviews(director);
        List<String> ids = Arrays.stream(latest).map(RebalancingReview::id).toList();
        assertThat(ids).doesNotHaveDuplicates().isSortedAccordingTo(java.util.Comparator.reverseOrder());
        RebalancingReview newest = latest[0];
        RebalancingReview before = latest[1];
        assertThat(newest.periodFrom()).isEqualTo(before.periodTo());
        assertThat(Duration.between(newest.periodFrom(), newest.periodTo())).isEqualTo(Duration.ofSeconds(4));
        assertThat(newest.previousReviewId()).isEqualTo(before.id());
        assertThat(newest.centers()).hasSize(10).allSatisfy(c -> assertThat(c.change()).isNotNull());
        assertThat(newest.publishedAt()).isAfterOrEqualTo(newest.periodTo());

        // limit=1: only the newest; by id: the same review.
        assertThat(as(TestTokens.ops()).get().uri("/api/reviews?limit=1").retrieve().body(RebalancingReview[].class))
                .extracting(RebalancingReview::id).containsExactly(newest.id());
        RebalancingReview one = as(TestTokens.admin()).get().uri("/api/reviews/{id}", before.id()).retrieve()
                .body(RebalancingReview.class);
        assertThat(one).isEqualTo(before);

        assertThat(get("/api/reviews/1999-01-04T00:00:00Z", TestTokens.director("PNG")))
                .startsWith("404 application/problem+json").contains("No such review");
        // Directors (any Center), ops and admin; nobody else.
        assertThat(get("/api/reviews", null)).startsWith("401 ");
        for (String wrong : new String[] {TestTokens.filer("ABC"), TestTokens.importer("12-3456789AB"),
                TestTokens.specialist("ELE", "ele-s1"), TestTokens.agency("FDA")}) {
            assertThat(get("/api/reviews", wrong)).startsWith("403 ").contains("application/problem+json");
        }
        assertThat(get("/api/reviews", TestTokens.admin())).startsWith("200 ");
        assertThat(get("/api/reviews/" + newest.id(), TestTokens.ops())).startsWith("200 ");
    }

    private static RebalancingReview[] reviews(RestClient client) {
        return client.get().uri("/api/reviews").exchange((req, res) -> res.getStatusCode().is2xxSuccessful()
                ? CenterlineJson.mapper().readValue(res.getBody().readAllBytes(), RebalancingReview[].class)
                : new RebalancingReview[0]);
    }

    private static int backlog(RebalancingReview review, String center) {
        return review.centers().stream().filter(c -> c.centerCode().equals(center)).findFirst().orElseThrow().backlog();
    }

    private RestClient as(String token) {
        RestClient.Builder builder = RestClient.builder().baseUrl("http://localhost:" + port);
        if (token != null) {
            builder.defaultHeader("Authorization", TestTokens.bearer(token));
        }
        return builder.build();
    }

    private String get(String path, String token) {
        return as(token).get().uri(path).exchange((req, res) -> res.getStatusCode().value() + " "
                + res.getHeaders().getContentType() + " " + new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8));
    }
}
