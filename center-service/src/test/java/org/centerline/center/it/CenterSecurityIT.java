package org.centerline.center.it;

import org.centerline.web.PublishedDocuments;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.centerline.contracts.event.EntrySummary;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.sample.FilingGenerator;
import org.centerline.contracts.testing.SharedKafka;
import org.centerline.security.Caller;
import org.centerline.security.Role;
import org.centerline.security.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Who may call center-service, on a real server and broker: nobody without a token; only a Center's
 * own specialists and director under {@code /api/centers/{code}}, and another Center's staff get the
 * same 403 whether or not an entry exists; specialists claim and decide only as themselves; the
 * director assigns and keeps the roster. The audience check comes from application.yml itself: the
 * test does not set it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {TestTokens.PUBLIC_KEY, "centerline.center.centers=BME"})
@DirtiesContext // serves BME under its own application id; must not run beside the other classes' instances
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(PublishedDocuments.class)
class CenterSecurityIT {

    private static final FilingGenerator generator = new FilingGenerator(53, 0.0, 0.0, LocalDate.of(2026, 11, 20));

    /** Every endpoint of the API with a body that would be accepted from the right caller. */
    enum Endpoint {
        QUEUE("GET", "/api/centers/%s/queue", null),
        ENTRY("GET", "/api/centers/%s/entries/%s", null),
        CLAIM("POST", "/api/centers/%s/entries/%s/claim", "{\"specialistId\":\"bme-sec-1\"}"),
        DECISION("POST", "/api/centers/%s/entries/%s/decision", "{\"action\":\"ACCEPT\",\"specialistId\":\"bme-sec-1\"}"),
        CF28_ANSWER("POST", "/api/centers/%s/entries/%s/cf28-answer", "{\"reason\":\"Invoice sent\"}"),
        ROSTER("GET", "/api/centers/%s/roster", null),
        PUT_SPECIALIST("PUT", "/api/centers/%s/specialists/bme-intruder",
                "{\"name\":\"Intruder\",\"role\":\"IMPORT_SPECIALIST\",\"onDuty\":true}"),
        DELETE_SPECIALIST("DELETE", "/api/centers/%s/specialists/bme-sec-2", null);

        final String method;
        final String path;
        final String body;

        Endpoint(String method, String path, String body) {
            this.method = method;
            this.path = path;
            this.body = body;
        }

        String at(String center, String entryNumber) {
            return path.formatted(center, entryNumber);
        }
    }

    /** Answers as the caller sees them. */
    record Answer(int status, String contentType, String body) {
        Map<?, ?> json() {
            return CenterlineJson.mapper().readValue(body, Map.class);
        }
    }

    @LocalServerPort
    int port;
    private final HttpClient http = HttpClient.newHttpClient();
    /** Assigned, never claimed: every denial test checks it is untouched. */
    private EntrySummary waiting;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", SharedKafka::bootstrapServers);
        registry.add("spring.kafka.streams.application-id", () -> "center-service-security-" + UUID.randomUUID());
        registry.add("spring.kafka.streams.state-dir", () -> "target/kstreams-state/" + UUID.randomUUID());
    }

    @BeforeAll
    void staffAndOneWaitingEntry() {
        await().atMost(Duration.ofSeconds(60)).until(() -> call("GET", "/actuator/health/readiness", null, null).status() == 200);
        for (String id : List.of("bme-sec-1", "bme-sec-2")) {
            assertThat(call("PUT", "/api/centers/bme/specialists/" + id,
                    "{\"name\":\"" + id + "\",\"role\":\"IMPORT_SPECIALIST\",\"onDuty\":true}", director()).status())
                    .isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> rosterIds().containsAll(List.of("bme-sec-1", "bme-sec-2")));
        waiting = routed();
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void anAnonymousCallerGets401(Endpoint endpoint) {
        Answer answer = call(endpoint, "bme", waiting.entryNumber(), null);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("needs a bearer token");
        assertUntouched();
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void callersWhoAreNotCenterStaffGet403(Endpoint endpoint) {
        for (String token : List.of(TestTokens.filer("ABC"), TestTokens.importer("12-3456789AB"), TestTokens.agency("FDA"),
                TestTokens.ops(), TestTokens.admin())) {
            Answer answer = call(endpoint, "bme", waiting.entryNumber(), token);
            assertThat(answer.status()).as(endpoint + " " + answer.body()).isEqualTo(403);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertUntouched();
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void anotherCentersStaffGet403InEitherCaseOfTheCode(Endpoint endpoint) {
        for (String token : List.of(TestTokens.specialist("AUT", "bme-sec-1"), TestTokens.director("AUT"))) {
            for (String code : List.of("bme", "BME")) {
                Answer answer = call(endpoint, code, waiting.entryNumber(), token);
                assertThat(answer.status()).as(endpoint + " " + code + " " + answer.body()).isEqualTo(403);
            }
        }
        assertUntouched();
    }

    @Test
    void anotherCentersStaffCannotTellWhetherAnEntryExists() {
        String missing = "ZZZ-0000000-0";
        for (Endpoint endpoint : List.of(Endpoint.ENTRY, Endpoint.CLAIM, Endpoint.DECISION, Endpoint.CF28_ANSWER)) {
            Answer existing = call(endpoint, "bme", waiting.entryNumber(), TestTokens.director("AUT"));
            Answer absent = call(endpoint, "bme", missing, TestTokens.director("AUT"));
            assertThat(existing.status()).isEqualTo(403).isEqualTo(absent.status());
            assertThat(withoutInstance(existing)).isEqualTo(withoutInstance(absent));
        }
        // The Center's own director is told the truth.
        assertThat(call(Endpoint.ENTRY, "bme", missing, director()).status()).isEqualTo(404);
        assertThat(call(Endpoint.QUEUE, "zzz", null, director()).status()).isEqualTo(403);
    }

    @Test
    void theCentersSpecialistReadsItsQueueEntriesAndRosterInEitherCase() {
        String specialist = TestTokens.specialist("bme", "bme-sec-1");
        assertThat(call(Endpoint.QUEUE, "bme", null, specialist).body()).contains(waiting.entryNumber());
        assertThat(call(Endpoint.ENTRY, "BME", waiting.entryNumber(), specialist).json().get("status")).isEqualTo("ASSIGNED");
        assertThat(call(Endpoint.ROSTER, "Bme", null, specialist).body()).contains("bme-sec-1", "bme-sec-2");
    }

    @Test
    void aSpecialistClaimsAndDecidesOnlyAsThemselves() {
        String n = routed().entryNumber();
        String first = TestTokens.specialist("BME", "bme-sec-1");
        String second = TestTokens.specialist("BME", "bme-sec-2");

        Answer asSomeoneElse = claim(n, "bme-sec-2", first);
        assertThat(asSomeoneElse.status()).isEqualTo(403);
        assertThat(asSomeoneElse.body()).contains("only as themselves");
        assertThat(claim(n, "bme-sec-1", TestTokens.of("no-id", List.of(Role.SPECIALIST), Map.of(Caller.CENTER_CODE, "BME")))
                .status()).isEqualTo(403);
        Answer claimed = claim(n, "bme-sec-1", first);
        assertThat(claimed.status()).isEqualTo(200);
        assertThat(claimed.json().get("specialistId")).isEqualTo("bme-sec-1");

        assertThat(decide(n, "ACCEPT", "bme-sec-1", second).status()).isEqualTo(403);
        assertThat(decide(n, "ACCEPT", "bme-sec-2", second).status()).as("not theirs to decide").isEqualTo(409);
        assertThat(decide(n, "CF28", "bme-sec-1", first).json().get("status")).isEqualTo("CF28_ISSUED");
        // Any of the Center's staff records the filer's answer.
        assertThat(call(Endpoint.CF28_ANSWER, "bme", n, second).json().get("status")).isEqualTo("CF28_ANSWERED");
        assertThat(CenterServiceTestSupport.statuses(n, 5)).extracting(e -> e.get("status"))
                .containsExactly("QUEUED", "ASSIGNED", "IN_REVIEW", "CF28_ISSUED", "CF28_ANSWERED");
    }

    @Test
    void theDirectorAssignsAnEntryButNeverDecidesForASpecialist() {
        String n = routed().entryNumber();
        Answer notOnRoster = claim(n, "bme-nobody", director());
        assertThat(notOnRoster.status()).isEqualTo(409);
        assertThat(notOnRoster.body()).contains("not on BME's roster");
        Answer assigned = claim(n, "bme-sec-2", director());
        assertThat(assigned.status()).isEqualTo(200);
        assertThat(assigned.json().get("specialistId")).isEqualTo("bme-sec-2");

        Answer onBehalf = decide(n, "ACCEPT", "bme-sec-2", director());
        assertThat(onBehalf.status()).isEqualTo(403);
        assertThat(onBehalf.body()).contains("nobody decides on a specialist's behalf");
        assertThat(decide(n, "ACCEPT", "bme-sec-2", TestTokens.specialist("BME", "bme-sec-2")).json().get("status"))
                .isEqualTo("ACCEPTED");
    }

    @Test
    void onlyTheCentersDirectorChangesTheRoster() {
        String body = "{\"name\":\"Temporary\",\"role\":\"ENTRY_SPECIALIST\",\"onDuty\":false}";
        String path = "/api/centers/bme/specialists/bme-sec-temp";
        assertThat(call("PUT", path, body, TestTokens.specialist("BME", "bme-sec-1")).status()).isEqualTo(403);
        assertThat(call("PUT", path, body, TestTokens.director("AUT")).status()).isEqualTo(403);
        assertThat(call("PUT", path, body, director()).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> rosterIds().contains("bme-sec-temp"));

        assertThat(call("DELETE", path, null, TestTokens.specialist("BME", "bme-sec-temp")).status()).isEqualTo(403);
        assertThat(call("DELETE", path, null, director()).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> !rosterIds().contains("bme-sec-temp"));
    }

    @Test
    void theApiDocsAreForAnyoneWithAToken() {
        assertThat(call("GET", "/v3/api-docs", null, null).status()).isEqualTo(401);
        Answer docs = call("GET", "/v3/api-docs", null, TestTokens.filer("ABC"));
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/centers/{code}/queue").contains("\"scheme\":\"bearer\"");
    }

    @Test
    void healthIsOpenAndMetricsAreForOps() {
        assertThat(call("GET", "/actuator/health", null, null).status()).isEqualTo(200);
        assertThat(call("GET", "/actuator/prometheus", null, null).status()).isEqualTo(401);
        assertThat(call("GET", "/actuator/prometheus", null, director()).status()).isEqualTo(403);
        Answer metrics = call("GET", "/actuator/prometheus", null, TestTokens.ops());
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("application=\"center-service\"");
    }

    @Test
    void tokensNotIssuedForCenterlineAreRefused() {
        for (String token : List.of(TestTokens.otherAudience(Role.DIRECTOR), TestTokens.expired(Role.DIRECTOR),
                TestTokens.signedByStranger(Role.DIRECTOR))) {
            Answer answer = call(Endpoint.QUEUE, "bme", null, token);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.body()).contains("not accepted");
        }
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String huge = "{\"specialistId\":\"bme-sec-1\",\"padding\":\"" + "x".repeat(70_000) + "\"}";
        Answer answer = call("POST", "/api/centers/bme/entries/" + waiting.entryNumber() + "/claim", huge,
                TestTokens.specialist("BME", "bme-sec-1"));
        assertThat(answer.status()).isEqualTo(413);
        assertUntouched();
    }

    /** The waiting entry is still assigned and unclaimed, and the roster is as the setup left it. */
    private void assertUntouched() {
        Map<?, ?> item = call(Endpoint.ENTRY, "bme", waiting.entryNumber(), director()).json();
        assertThat(item.get("status")).isEqualTo("ASSIGNED");
        assertThat((List<?>) item.get("history")).hasSize(2);
        assertThat(rosterIds()).contains("bme-sec-1", "bme-sec-2").doesNotContain("bme-intruder");
    }

    private EntrySummary routed() {
        EntrySummary summary = generator.summaryFor("BME");
        CenterServiceTestSupport.route(summary, "BME");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Answer answer = call(Endpoint.ENTRY, "bme", summary.entryNumber(), director());
            return answer.status() == 200 && "ASSIGNED".equals(answer.json().get("status"));
        });
        return summary;
    }

    private List<Object> rosterIds() {
        List<?> specialists = (List<?>) call(Endpoint.ROSTER, "bme", null, director()).json().get("specialists");
        return specialists.stream().map(s -> (Object) ((Map<?, ?>) s).get("id")).toList();
    }

    private Answer claim(String entryNumber, String specialistId, String token) {
        return call("POST", "/api/centers/bme/entries/" + entryNumber + "/claim",
                "{\"specialistId\":\"" + specialistId + "\"}", token);
    }

    private Answer decide(String entryNumber, String action, String specialistId, String token) {
        return call("POST", "/api/centers/bme/entries/" + entryNumber + "/decision",
                "{\"action\":\"" + action + "\",\"specialistId\":\"" + specialistId + "\"}", token);
    }

    private static String director() {
        return TestTokens.director("BME");
    }

    private static String withoutInstance(Answer answer) {
        return answer.body().replaceAll("\"instance\":\"[^\"]*\"", "");
    }

    private Answer call(Endpoint endpoint, String center, String entryNumber, String token) {
        return call(endpoint.method, endpoint.at(center, entryNumber), endpoint.body, token);
    }

    private Answer call(String method, String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
