package org.centerline.routing.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.centerline.contracts.event.EntrySummary;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.sample.FilingGenerator;
import org.centerline.contracts.topic.Topics;
import org.centerline.security.Role;
import org.centerline.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Who may call what, endpoint by endpoint: anonymous callers get 401, callers without the role 403,
 * callers with the role but for another party 403 (filing) or the 404 of an unknown entry (reading:
 * existence is not disclosed), and the right callers succeed.
 */
class RoutingAccessIT extends RoutingIntegrationTest {

    private static final FilingGenerator generator = new FilingGenerator(52, 0.0, 0.0, LocalDate.of(2026, 11, 20));
    private static final int MAX_BODY = 4 * 1024 * 1024;
    private static final String UNKNOWN_ENTRY = "ZZZ-0000001-0";

    /** Status, content type and body of one answer. */
    record Answer(int status, String type, String body) {
    }

    @Test
    void filingIsForTheFilerOfTheFilingOnly() {
        EntrySummary summary = generator.summaryFor("AGR");
        String filer = summary.filerCode();
        String other = otherThan(filer);
        byte[] filing = CenterlineJson.mapper().writeValueAsBytes(summary);

        assertThat(post(null, filing).status()).isEqualTo(401);
        for (String token : List.of(TestTokens.expired(Role.FILER), TestTokens.signedByStranger(Role.FILER),
                TestTokens.otherAudience(Role.FILER))) {
            assertThat(post(token, filing).status()).isEqualTo(401);
        }
        for (String token : List.of(TestTokens.importer(summary.importerNumber()), TestTokens.specialist("AGR", "s-1"),
                TestTokens.director("AGR"), TestTokens.agency("FDA"), TestTokens.ops(), TestTokens.admin())) {
            assertThat(post(token, filing).status()).isEqualTo(403);
        }
        Answer foreign = post(TestTokens.filer(other), filing);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.type()).startsWith("application/problem+json");
        assertThat(foreign.body()).contains("its own filer code", "Nothing was filed");

        assertThat(post(TestTokens.filer(filer), filing).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> routing(TestTokens.filer(filer), summary.entryNumber()).status() == 200);

        // An invalid filing that names two filers is refused to both: the other one could otherwise put a
        // rejection over this entry's routing record.
        byte[] twoFilers = """
                {"entryNumber":"%s","filerCode":"%s","entryType":"77"}""".formatted(summary.entryNumber(), other)
                .getBytes(StandardCharsets.UTF_8);
        assertThat(post(TestTokens.filer(other), twoFilers).status()).isEqualTo(403);
        assertThat(post(TestTokens.filer(filer), twoFilers).status()).isEqualTo(403);

        assertThat(readAll(Topics.FILED.name()).stream().filter(r -> summary.entryNumber().equals(r.key())))
                .as("only the filer's own filing was published").hasSize(1);
        assertThat(json(routing(TestTokens.ops(), summary.entryNumber()).body()).get("centerCode")).isEqualTo("AGR");
    }

    @Test
    void aRoutingRecordIsShownToItsFilerImporterAndCenterAndIsUnknownToEveryoneElse() {
        EntrySummary summary = generator.summaryFor("BME");
        send(Topics.FILED.name(), summary.entryNumber(), CenterlineJson.mapper().writeValueAsBytes(summary));
        await().atMost(Duration.ofSeconds(30)).until(() -> routing(TestTokens.ops(), summary.entryNumber()).status() == 200);

        for (String token : List.of(TestTokens.filer(summary.filerCode()), TestTokens.importer(summary.importerNumber()),
                TestTokens.specialist("BME", "s-7"), TestTokens.director("bme"), TestTokens.ops(), TestTokens.admin())) {
            Answer answer = routing(token, summary.entryNumber());
            assertThat(answer.status()).isEqualTo(200);
            assertThat(json(answer.body()).get("centerCode")).isEqualTo("BME");
        }
        assertThat(routing(null, summary.entryNumber()).status()).isEqualTo(401);
        assertThat(routing(TestTokens.agency("FDA"), summary.entryNumber()).status()).isEqualTo(403);
        for (String token : List.of(TestTokens.filer(otherThan(summary.filerCode())), TestTokens.importer("99-9999999ZZ"),
                TestTokens.specialist("ELE", "s-8"), TestTokens.director("ELE"))) {
            assertSameAsUnknown(routing(token, summary.entryNumber()), summary.entryNumber());
        }
    }

    @Test
    void aRejectionIsShownToItsFilerOnly() {
        EntrySummary valid = generator.summaryFor("ELE");
        EntrySummary invalid = new EntrySummary(1, valid.entryNumber(), valid.filerCode(), "77", valid.importerNumber(),
                valid.portOfEntry(), valid.entryDate(), valid.summaryDate(), valid.modeOfTransport(), valid.lines());
        Answer filed = post(TestTokens.filer(valid.filerCode()), CenterlineJson.mapper().writeValueAsBytes(invalid));
        assertThat(filed.status()).isEqualTo(400);
        assertThat(filed.body()).contains("ENTRY_TYPE_UNKNOWN");
        await().atMost(Duration.ofSeconds(30)).until(() -> routing(TestTokens.ops(), valid.entryNumber()).status() == 200);

        for (String token : List.of(TestTokens.filer(valid.filerCode()), TestTokens.ops(), TestTokens.admin())) {
            Answer answer = routing(token, valid.entryNumber());
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).contains("ENTRY_TYPE_UNKNOWN");
        }
        // A rejection names no Center, and the importer in its payload is only what the filer wrote.
        for (String token : List.of(TestTokens.filer(otherThan(valid.filerCode())), TestTokens.importer(valid.importerNumber()),
                TestTokens.specialist("ELE", "s-9"), TestTokens.director("ELE"))) {
            assertSameAsUnknown(routing(token, valid.entryNumber()), valid.entryNumber());
        }
    }

    @Test
    void aBodyThatIsNotJsonIsRejectedAndAttributedToNoFiler() {
        String body = "not json, from the filer that holds this token " + System.nanoTime();
        Answer answer = post(TestTokens.filer("ABC"), body.getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("MALFORMED_JSON");

        ConsumerRecord<String, String> rejection = await().atMost(Duration.ofSeconds(30)).until(
                () -> readAll(Topics.REJECTED.name()).stream().filter(r -> r.value().contains(body)).findFirst().orElse(null),
                r -> r != null);
        assertThat(rejection.key()).isNull();
        Map<String, Object> value = json(rejection.value());
        assertThat(value.get("payload")).isEqualTo(body);
        assertThat(value).doesNotContainKeys("filerCode", "entryNumber");
    }

    @Test
    void filingsUpTo4MiBAreTakenAndLargerBodiesGet413() throws Exception {
        byte[] atLimit = new byte[MAX_BODY];
        Arrays.fill(atLimit, (byte) ' ');
        Answer taken = post(TestTokens.filer("ABC"), atLimit);
        assertThat(taken.status()).as("taken, then rejected as over the 1 MiB a filing may have").isEqualTo(400);
        assertThat(taken.body()).contains("PAYLOAD_TOO_LARGE");

        String marker = "{\"over-the-limit\":" + System.nanoTime();
        byte[] over = new byte[MAX_BODY + 1];
        Arrays.fill(over, (byte) ' ');
        System.arraycopy(marker.getBytes(StandardCharsets.US_ASCII), 0, over, 0, marker.length());
        // With its length declared: refused before it is read.
        Answer declared = post(TestTokens.filer("ABC"), over);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.type()).startsWith("application/problem+json");
        // Chunked, length unknown: read up to the limit, then refused.
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/entry-summaries"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", TestTokens.bearer(TestTokens.filer("ABC")))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(over))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("Nothing was filed");
        assertThat(readAll(Topics.FILED.name())).noneMatch(r -> r.value() != null && r.value().startsWith(marker));
    }

    @Test
    void importerAssignmentsAreForAdminsOnly() {
        String importer = "555-55-5555";
        String assignment = "{\"centerCode\":\"AUT\",\"effectiveFrom\":\"2026-01-01\"}";
        String path = "/api/importer-assignments/" + importer;
        for (HttpMethod method : List.of(HttpMethod.PUT, HttpMethod.GET, HttpMethod.DELETE)) {
            assertThat(call(null, method, path, assignment).status()).as(method + " anonymous").isEqualTo(401);
            for (String token : List.of(TestTokens.filer("ABC"), TestTokens.importer(importer), TestTokens.director("AUT"),
                    TestTokens.ops())) {
                assertThat(call(token, method, path, assignment).status()).as(method + " without admin").isEqualTo(403);
            }
        }
        String admin = TestTokens.admin();
        assertThat(call(admin, HttpMethod.PUT, path, assignment).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> call(admin, HttpMethod.GET, path, null).status() == 200);
        assertThat(call(admin, HttpMethod.DELETE, path, null).status()).isEqualTo(204);
    }

    @Test
    void apiDocsAreForAnyAuthenticatedCallerHealthForAnyoneTheRestOfActuatorForOps() {
        assertThat(call(null, HttpMethod.GET, "/v3/api-docs", null).status()).isEqualTo(401);
        for (String token : List.of(TestTokens.agency("FDA"), TestTokens.filer("ABC"), TestTokens.of("nobody", List.of(), Map.of()))) {
            assertThat(call(token, HttpMethod.GET, "/v3/api-docs", null).status()).isEqualTo(200);
        }
        assertThat(call(null, HttpMethod.GET, "/actuator/health", null).status()).isEqualTo(200);
        assertThat(call(null, HttpMethod.GET, "/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(call(TestTokens.admin(), HttpMethod.GET, "/actuator/prometheus", null).status()).isEqualTo(403);
        assertThat(call(TestTokens.ops(), HttpMethod.GET, "/actuator/prometheus", null).status()).isEqualTo(200);
        assertThat(call(TestTokens.admin(), HttpMethod.GET, "/api/entry-summaries", null).status())
                .as("a path no rule names").isEqualTo(403);
    }

    private void assertSameAsUnknown(Answer answer, String entryNumber) {
        Answer unknown = routing(TestTokens.ops(), UNKNOWN_ENTRY);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().replace(entryNumber, "N")).isEqualTo(unknown.body().replace(UNKNOWN_ENTRY, "N"));
    }

    private Answer post(String token, byte[] body) {
        return call(token, HttpMethod.POST, "/api/entry-summaries", body);
    }

    private Answer routing(String token, String entryNumber) {
        return call(token, HttpMethod.GET, "/api/entry-summaries/" + entryNumber + "/routing", null);
    }

    private Answer call(String token, HttpMethod method, String path, Object body) {
        var request = http(token).method(method).uri(path);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, res) -> new Answer(res.getStatusCode().value(),
                res.getHeaders().getContentType() == null ? null : res.getHeaders().getContentType().toString(),
                res.bodyTo(String.class)));
    }

    private static String otherThan(String filerCode) {
        return filerCode.equals("ZZZ") ? "YYY" : "ZZZ";
    }
}
