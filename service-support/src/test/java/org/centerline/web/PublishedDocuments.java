package org.centerline.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.centerline.security.TestTokens;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Saves what a running service serves to its clients and its scraper after each test (the last one's stays, so
 * the files show the class's traffic):
 * {@code /v3/api-docs} to {@code target/published/<TestClass>.openapi.json} and {@code /actuator/prometheus} to
 * {@code target/published/<TestClass>.metrics.txt}. {@code ops/lint-published.sh} lints them (Redocly, promtool).
 * Register it with {@code @ExtendWith(PublishedDocuments.class)} on a {@code @SpringBootTest} class.
 */
public class PublishedDocuments implements AfterEachCallback {

    static final Path DIRECTORY = Path.of("target", "published");

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Environment environment = SpringExtension.getApplicationContext(context).getEnvironment();
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName();
        Files.createDirectories(DIRECTORY);
        save(port, "/v3/api-docs", DIRECTORY.resolve(name + ".openapi.json"));
        save(port, "/actuator/prometheus", DIRECTORY.resolve(name + ".metrics.txt"));
    }

    private static void save(String port, String path, Path file) throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TestTokens.ops()).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200) {
            Files.writeString(file, answer.body());
        } else {
            Files.deleteIfExists(file);
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }
}
