package org.centerline.workload.it;

import org.centerline.web.PublishedDocuments;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.centerline.contracts.testing.SharedKafka;
import org.centerline.security.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * workload-service on a real port and the shared embedded broker, trusting the test tokens. The
 * integration tests extend it so that they share one application context (one Streams start).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        TestTokens.PUBLIC_KEY, TestTokens.AUDIENCE,
        "centerline.workload.demand-window=1d", "centerline.workload.minimum-specialists=1",
        "centerline.workload.band=0.10"})
@ExtendWith(PublishedDocuments.class)
abstract class RunningWorkloadService {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", SharedKafka::bootstrapServers);
        registry.add("spring.kafka.streams.application-id", () -> "workload-it-" + UUID.randomUUID());
        registry.add("spring.kafka.streams.state-dir", () -> "target/kstreams-state/" + UUID.randomUUID());
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** A client that sends {@code token} as the bearer on every call, or no token when null. */
    RestClient as(String token) {
        RestClient.Builder builder = RestClient.builder().baseUrl(baseUrl());
        if (token != null) {
            builder.defaultHeader("Authorization", TestTokens.bearer(token));
        }
        return builder.build();
    }

    /** Waits until the Streams stores are restored and queryable (readiness is open to anyone). */
    void awaitReady() {
        RestClient anonymous = as(null);
        await().atMost(Duration.ofSeconds(60)).until(() -> anonymous.get().uri("/actuator/health/readiness")
                .exchange((req, res) -> res.getStatusCode().is2xxSuccessful()));
    }
}
