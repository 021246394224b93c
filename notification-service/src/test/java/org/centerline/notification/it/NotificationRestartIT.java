package org.centerline.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.centerline.contracts.testing.SharedKafka;
import org.centerline.notification.NotificationApplication;
import org.centerline.notification.it.NotificationTestSupport.Api;
import org.centerline.notification.it.NotificationTestSupport.Response;
import org.centerline.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Subscriptions live on Kafka, not in the instance: a fresh instance after a restart knows them, and whose they
 * are (secret still hidden).
 */
class NotificationRestartIT {

    @Test
    void subscriptionsSurviveARestart() {
        String filer = NotificationTestSupport.uniqueFiler();
        String secret = "restart-secret-" + UUID.randomUUID();
        String url = "http://127.0.0.1:9/restart-hook";
        String id;
        try (ConfigurableApplicationContext first = start()) {
            Api api = api(first).as(TestTokens.filer(filer));
            JsonNode created = api.subscribe(Map.of("subscriber", "Restart Filer", "eventTypes", List.of("entry.rejected"),
                    "filerCodes", List.of(filer), "webhook", Map.of("url", url, "secret", secret)));
            id = created.get("id").asString();
            assertThat(api.get("/api/subscriptions/" + id).status()).isEqualTo(200);
        }

        try (ConfigurableApplicationContext second = start()) {
            Api api = api(second).as(TestTokens.filer(filer));
            Response read = api.get("/api/subscriptions/" + id);
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            JsonNode subscription = read.json();
            assertThat(subscription.get("subscriber").asString()).isEqualTo("Restart Filer");
            assertThat(subscription.get("filerCodes").valueStream().map(JsonNode::asString).toList()).containsExactly(filer);
            assertThat(subscription.at("/webhook/url").asString()).isEqualTo(url);
            assertThat(subscription.get("webhook").has("secret")).isFalse();
            assertThat(read.body()).doesNotContain(secret);
            // Its owner came back with it: another filer still cannot see it.
            assertThat(api.as(TestTokens.filer(NotificationTestSupport.uniqueFiler())).get("/api/subscriptions/" + id).status())
                    .isEqualTo(404);
            assertThat(api.delete("/api/subscriptions/" + id).status()).isEqualTo(204);
        }
    }

    private static ConfigurableApplicationContext start() {
        // Command-line arguments, like a real start, so they override application.yml.
        return new SpringApplicationBuilder(NotificationApplication.class).run(
                "--server.port=0",
                "--server.shutdown=immediate",
                "--" + TestTokens.PUBLIC_KEY,
                "--" + TestTokens.AUDIENCE,
                "--centerline.notification.allowed-hosts=127.0.0.1",
                "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers());
    }

    private static Api api(ConfigurableApplicationContext context) {
        Api api = new Api(((WebServerApplicationContext) context).getWebServer().getPort());
        await().atMost(Duration.ofSeconds(60)).until(api::ready);
        return api;
    }
}
