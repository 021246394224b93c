package org.centerline.localstack.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP client against a stand-in center-service on a loopback port: paths, query, bodies, whose bearer token
 * each call carries, problem details.
 */
class HttpCenterApiTest {

    private HttpServer server;
    private HttpCenterApi api;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    /** Stand-in tokens that say whose they are. */
    private final StaffTokens tokens = new StaffTokens() {
        @Override
        public String specialist(String centerCode, String specialistId) {
            return "specialist:" + centerCode + ":" + specialistId;
        }

        @Override
        public String director(String centerCode) {
            return "director:" + centerCode;
        }
    };

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/centers/", this::handle);
        server.start();
        api = new HttpCenterApi("http://localhost:" + server.getAddress().getPort() + "/", tokens);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = ex.getRequestURI().getRawPath();
        String query = ex.getRequestURI().getRawQuery();
        requests.add(ex.getRequestMethod() + " " + path + (query == null ? "" : "?" + query)
                + (body.isEmpty() ? "" : " " + body) + " [" + ex.getRequestHeaders().getFirst("Content-Type") + "] "
                + ex.getRequestHeaders().getFirst("Authorization"));
        if (path.endsWith("/roster")) {
            send(ex, 200, "application/json", """
                    {"centerCode":"ELE","specialists":[
                      {"id":"ele-is-01","name":"Ada","role":"IMPORT_SPECIALIST","specialties":[84,85],"onDuty":true},
                      {"id":"ele-es-01","name":"Bo","role":"ENTRY_SPECIALIST","specialties":[],"onDuty":false}],
                     "countsByRole":{"IMPORT_SPECIALIST":1,"ENTRY_SPECIALIST":1},"updatedAt":"2026-11-20T14:03:11Z"}""");
        } else if (path.endsWith("/queue")) {
            send(ex, 200, "application/json", """
                    {"centerCode":"ELE","page":0,"size":20,"total":123,"items":[
                      {"entryNumber":"ABC-1234567-6","centerCode":"ELE","status":"ASSIGNED","specialistId":"ele-is-01",
                       "flags":["SECTION_301"],"workloadPoints":1.5,"routedAt":"2026-11-20T14:03:11Z","cf28DueDate":null,
                       "entrySummary":{"lines":[{"lineNumber":1}]}}]}""");
        } else if (path.endsWith("/claim") && body.contains("ele-is-02")) {
            send(ex, 409, "application/problem+json", """
                    {"type":"about:blank","title":"Conflict","status":409,
                     "detail":"Entry ABC-1234567-6 is already in review by ele-is-01."}""");
        } else if (path.endsWith("/claim") && body.contains("ele-is-09")) {
            send(ex, 403, "application/problem+json", """
                    {"type":"about:blank","title":"Forbidden","status":403,
                     "detail":"A specialist claims only as themselves."}""");
        } else if (path.endsWith("/claim") || path.endsWith("/decision") || path.endsWith("/cf28-answer")) {
            String status = path.endsWith("/claim") ? "IN_REVIEW" : path.endsWith("/decision") ? "ACCEPTED" : "CF28_ANSWERED";
            send(ex, 200, "application/json", "{\"entryNumber\":\"ABC-1234567-6\",\"centerCode\":\"ELE\",\"status\":\""
                    + status + "\",\"specialistId\":\"ele-is-01\"}");
        } else {
            send(ex, 500, "text/plain", "boom");
        }
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Test
    void readsRosterAndQueue() {
        CenterApi.Roster roster = api.roster("ELE");
        assertThat(roster.specialists()).extracting(CenterApi.Specialist::id).containsExactly("ele-is-01", "ele-es-01");
        assertThat(roster.specialists()).extracting(CenterApi.Specialist::working).containsExactly(true, false);

        CenterApi.QueuePage page = api.queue("ELE", "ASSIGNED", "ele-is-01", 0, 20);
        assertThat(page.total()).isEqualTo(123);
        assertThat(page.items()).containsExactly(new CenterApi.WorkItem("ABC-1234567-6", "ELE", "ASSIGNED", "ele-is-01"));
        api.queue("ele", null, null, 2, 5);

        assertThat(requests).containsExactly(
                "GET /api/centers/ele/roster [null] Bearer director:ELE",
                "GET /api/centers/ele/queue?status=ASSIGNED&specialistId=ele-is-01&page=0&size=20 [null] "
                        + "Bearer specialist:ELE:ele-is-01",
                "GET /api/centers/ele/queue?page=2&size=5 [null] Bearer director:ele");
    }

    @Test
    void postsClaimDecisionAndAnswer() {
        assertThat(api.claim("ELE", "ABC-1234567-6", "ele-is-01").status()).isEqualTo("IN_REVIEW");
        assertThat(api.decide("ELE", "ABC-1234567-6", "ACCEPT", "ele-is-01", "accepted as filed").status()).isEqualTo("ACCEPTED");
        assertThat(api.answerCf28("ELE", "ABC-1234567-6", "importer answered").status()).isEqualTo("CF28_ANSWERED");

        assertThat(requests).containsExactly(
                "POST /api/centers/ele/entries/ABC-1234567-6/claim {\"specialistId\":\"ele-is-01\"} [application/json] "
                        + "Bearer specialist:ELE:ele-is-01",
                "POST /api/centers/ele/entries/ABC-1234567-6/decision "
                        + "{\"action\":\"ACCEPT\",\"specialistId\":\"ele-is-01\",\"reason\":\"accepted as filed\"} [application/json] "
                        + "Bearer specialist:ELE:ele-is-01",
                "POST /api/centers/ele/entries/ABC-1234567-6/cf28-answer {\"reason\":\"importer answered\"} [application/json] "
                        + "Bearer director:ELE");
    }

    @Test
    void conflictCarriesTheProblemDetail() {
        assertThatThrownBy(() -> api.claim("ELE", "ABC-1234567-6", "ele-is-02"))
                .isInstanceOfSatisfying(CenterApiException.class, e -> {
                    assertThat(e.conflict()).isTrue();
                    assertThat(e.status()).isEqualTo(409);
                })
                .hasMessage("POST /api/centers/ele/entries/ABC-1234567-6/claim answered 409: Conflict: "
                        + "Entry ABC-1234567-6 is already in review by ele-is-01.");
    }

    @Test
    void aDenialIsAnErrorThatSaysWhy() {
        assertThatThrownBy(() -> api.claim("ELE", "ABC-1234567-6", "ele-is-09"))
                .isInstanceOfSatisfying(CenterApiException.class, e -> {
                    assertThat(e.conflict()).isFalse();
                    assertThat(e.status()).isEqualTo(403);
                })
                .hasMessage("POST /api/centers/ele/entries/ABC-1234567-6/claim answered 403: Forbidden: "
                        + "A specialist claims only as themselves.");
    }

    @Test
    void otherErrorsAndNoAnswer() throws IOException {
        server.removeContext("/api/centers/");
        server.createContext("/api/centers/", ex -> send(ex, 500, "text/plain", "boom"));
        assertThatThrownBy(() -> api.roster("ELE")).isInstanceOfSatisfying(CenterApiException.class,
                e -> assertThat(e.status()).isEqualTo(500)).hasMessageEndingWith("answered 500: boom");

        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        HttpCenterApi nobody = new HttpCenterApi("http://localhost:" + closed, tokens);
        assertThatThrownBy(() -> nobody.roster("ELE")).isInstanceOfSatisfying(CenterApiException.class, e -> {
            assertThat(e.status()).isEqualTo(-1);
            assertThat(e.conflict()).isFalse();
        });
    }
}
