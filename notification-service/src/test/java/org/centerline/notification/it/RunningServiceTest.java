package org.centerline.notification.it;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.centerline.contracts.testing.SharedKafka;
import org.centerline.notification.it.NotificationTestSupport.Api;
import org.centerline.notification.it.NotificationTestSupport.Publisher;
import org.centerline.security.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the tests against one running service on the shared broker have in common: the broker, a producer of
 * source events, the API (anonymous until {@link Api#as}), and clean-up of the subscriptions and webhook
 * receivers each test made.
 */
@DirtiesContext // The consumer groups must not keep a member in this JVM once the class is done (see NotificationRestartIT).
abstract class RunningServiceTest {

    @LocalServerPort
    int port;

    static Publisher kafka;
    Api api;
    final List<String> subscriptions = new ArrayList<>();
    final List<WebhookReceiver> receivers = new ArrayList<>();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", SharedKafka::bootstrapServers);
    }

    @BeforeAll
    static void producer() {
        kafka = new Publisher();
    }

    @AfterAll
    static void closeProducer() {
        kafka.close();
    }

    @BeforeEach
    void ready() {
        api = new Api(port);
        await().atMost(Duration.ofSeconds(60)).until(api::ready);
    }

    @AfterEach
    void cleanUp() {
        subscriptions.forEach(id -> api.as(TestTokens.admin()).delete("/api/subscriptions/" + id));
        receivers.forEach(WebhookReceiver::close);
    }

    /** A webhook receiver on 127.0.0.1, closed after the test. */
    WebhookReceiver receiver() {
        WebhookReceiver r = WebhookReceiver.start();
        receivers.add(r);
        return r;
    }
}
