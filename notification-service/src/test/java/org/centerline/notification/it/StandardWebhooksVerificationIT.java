package org.centerline.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.centerline.notification.it.NotificationTestSupport.entryNumber;
import static org.centerline.notification.it.NotificationTestSupport.uniqueFiler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.notification.it.NotificationTestSupport.Response;
import org.centerline.notification.it.WebhookReceiver.Request;
import org.centerline.security.TestTokens;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * Real deliveries, captured by a local receiver, verified by the Standard Webhooks npm library itself
 * ({@code standardwebhooks@1.3.0}, installed into target/ with npm): {@code new Webhook(secret).verify(body, headers)},
 * before and during a secret rotation (with the old secret and with the new one). Skipped, saying why, only when
 * {@code node} and {@code npm} are not on the PATH (CI installs them: .ci/run).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        TestTokens.PUBLIC_KEY, TestTokens.AUDIENCE,
        "centerline.notification.allowed-hosts=127.0.0.1",
        "server.shutdown=immediate"})
class StandardWebhooksVerificationIT extends RunningServiceTest {

    private static final String LIBRARY = "standardwebhooks@1.3.0";
    private static final Path DIR = Path.of("target", "standardwebhooks");

    @BeforeAll
    static void installTheLibrary() throws Exception {
        Assumptions.assumeTrue(onPath("node") && onPath("npm"),
                "node and npm are not on the PATH: the Standard Webhooks npm verification is skipped (.ci/run installs them)");
        Files.createDirectories(DIR);
        if (!Files.isDirectory(DIR.resolve("node_modules/standardwebhooks"))) {
            run(List.of("npm", "install", "--prefix", DIR.toString(), "--no-audit", "--no-fund", "--save-exact", LIBRARY), null,
                    Duration.ofMinutes(3));
        }
        Files.writeString(DIR.resolve("verify.js"), """
                // Reads [{secret, body (base64), headers}] on stdin; prints one line per item: ok, or the library's error.
                const { Webhook } = require("standardwebhooks");
                let input = "";
                process.stdin.on("data", d => input += d);
                process.stdin.on("end", () => {
                  for (const item of JSON.parse(input)) {
                    try {
                      new Webhook(item.secret).verify(Buffer.from(item.body, "base64").toString("utf8"), item.headers);
                      console.log("ok");
                    } catch (e) {
                      console.log("refused: " + e.message);
                    }
                  }
                });
                """);
    }

    @Test
    void theNpmLibraryVerifiesRealDeliveriesBeforeAndDuringASecretRotation() throws Exception {
        String filer = uniqueFiler();
        WebhookReceiver hook = receiver();
        Response created = api.as(TestTokens.filer(filer)).post("/api/subscriptions", Map.of("subscriber", "npm verifier",
                "eventTypes", List.of("entry.rejected"), "webhook", Map.of("url", hook.url())));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        subscriptions.add(id);
        String first = created.json().at("/webhook/secret").asString();

        String entry = entryNumber(filer);
        kafka.reject(entry, entry, filer);
        await().atMost(Duration.ofSeconds(20)).until(() -> hook.withData("entryNumber", entry).size() == 1);
        Request before = hook.withData("entryNumber", entry).get(0);
        assertThat(before.header("webhook-id")).isEqualTo(before.json().get("deliveryId").asString());
        assertThat(before.header("webhook-signature").split(" ")).hasSize(1);

        Response rotated = api.as(TestTokens.filer(filer)).post("/api/subscriptions/" + id + "/secret", "");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String second = rotated.json().get("secret").asString();
        assertThat(second).startsWith("whsec_").isNotEqualTo(first);
        assertThat(rotated.json().has("previousValidUntil")).isTrue();
        // Someone else's subscription has no secret to rotate.
        assertThat(api.as(TestTokens.filer(uniqueFiler())).post("/api/subscriptions/" + id + "/secret", "").status())
                .isEqualTo(404);
        assertThat(api.as(TestTokens.filer(filer)).get("/api/subscriptions/" + id).body())
                .doesNotContain(second.substring(6)).doesNotContain(first.substring(6));

        String entry2 = entryNumber(filer);
        kafka.reject(entry2, entry2, filer);
        await().atMost(Duration.ofSeconds(20)).until(() -> hook.withData("entryNumber", entry2).size() == 1);
        Request during = hook.withData("entryNumber", entry2).get(0);
        assertThat(during.header("webhook-signature").split(" ")).as("old and new secret sign during the overlap").hasSize(2);

        List<String> verdicts = verify(List.of(
                item(first, before), item(first, during), item(second, during),
                item("whsec_" + Base64.getEncoder().encodeToString(new byte[32]), during), item(second, before)));
        assertThat(verdicts).containsExactly("ok", "ok", "ok", "refused: No matching signature found",
                "refused: No matching signature found");
    }

    private static Map<String, Object> item(String secret, Request request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
            headers.put(name, request.header(name));
        }
        return Map.of("secret", secret, "body", Base64.getEncoder().encodeToString(request.body()), "headers", headers);
    }

    private static List<String> verify(List<Map<String, Object>> items) throws Exception {
        String out = run(List.of("node", DIR.resolve("verify.js").toString()), CenterlineJson.mapper().writeValueAsString(items),
                Duration.ofSeconds(60));
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    private static String run(List<String> command, String stdin, Duration timeout) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (stdin != null) {
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> new String(readAll(process), StandardCharsets.UTF_8).lines().forEach(lines::add));
        reader.start();
        assertThat(process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)).as(String.join(" ", command) + " finished").isTrue();
        reader.join();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + String.join("\n", lines)).isZero();
        return String.join("\n", lines);
    }

    private static byte[] readAll(Process process) {
        try {
            return process.getInputStream().readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static boolean onPath(String program) {
        try {
            return new ProcessBuilder(program, "--version").redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
