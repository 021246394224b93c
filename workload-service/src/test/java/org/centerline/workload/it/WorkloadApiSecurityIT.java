package org.centerline.workload.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.centerline.security.Role;
import org.centerline.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Who may call workload-service, on the running service: for every endpoint, anonymous callers get
 * 401, callers of another role 403, and the right callers the answer. Directors of any Center and
 * ops read; directors and admins run the what-if; the view's files are open and hold no data.
 */
class WorkloadApiSecurityIT extends RunningWorkloadService {

    private static final String WHAT_IF = "{\"moves\":[{\"heading\":\"8471\",\"toCenter\":\"MAC\"}]}";

    @BeforeEach
    void ready() {
        awaitReady();
    }

    @Test
    void theWorkloadIsForDirectorsOfAnyCenterAndOps() {
        assertReadableOnlyByDirectorsAndOps("/api/workload", "\"centers\"");
    }

    @Test
    void theRecommendationsAreForDirectorsOfAnyCenterAndOps() {
        assertReadableOnlyByDirectorsAndOps("/api/staffing/recommendations", "\"transfers\"");
    }

    @Test
    void theWhatIfIsForDirectorsAndAdminsButNotOps() {
        assertThat(whatIf(null, WHAT_IF)).startsWith("401 ");
        assertThat(whatIf(TestTokens.ops(), WHAT_IF)).startsWith("403 ").contains("Your role does not allow this request");
        assertThat(whatIf(TestTokens.specialist("ELE", "ele-s1"), WHAT_IF)).startsWith("403 ");
        assertThat(whatIf(TestTokens.filer("ABC"), WHAT_IF)).startsWith("403 ");
        assertThat(whatIf(TestTokens.director("AGR"), WHAT_IF)).startsWith("200 ").contains("\"entriesReplayed\"");
        assertThat(whatIf(TestTokens.admin(), WHAT_IF)).startsWith("200 ").contains("\"proposedTableVersion\"");
    }

    @Test
    void aWhatIfBodyOverTheLimitIsRefusedBeforeItIsRead() {
        String huge = "{\"moves\":[" + "{\"heading\":\"8471\",\"toCenter\":\"MAC\"},".repeat(2_000) + "{}]}";
        assertThat(huge.length()).isGreaterThan(65_536);
        assertThat(whatIf(TestTokens.director("ELE"), huge)).startsWith("413 ").contains("at most 65536");
        assertThat(whatIf(null, huge)).as("no token, whatever the body").startsWith("401 ");
    }

    @Test
    void theApiDocsAreForAnyoneWithAToken() {
        assertThat(get("/v3/api-docs", null)).startsWith("401 ");
        assertThat(get("/v3/api-docs", TestTokens.filer("ABC"))).startsWith("200 ").contains("/api/what-if");
    }

    @Test
    void theViewsFilesAreOpenAndNothingElseIs() {
        assertThat(get("/", null)).startsWith("200 ").contains("Workload rebalance");
        assertThat(get("/index.html", null)).startsWith("200 ").contains("Sign in with an access token");
        assertThat(get("/rebalance.css", null)).startsWith("200 ");
        // ES modules: a browser runs them only when served with a JavaScript content type.
        assertThat(get("/rebalance.js", null)).matches("(?s)200 text/javascript.*").contains("import ");
        for (String module : new String[] {"api", "polling", "model", "table", "recommendations", "whatif", "state", "format"}) {
            assertThat(get("/js/" + module + ".js", null)).as(module).matches("(?s)200 text/javascript.*");
        }
        assertThat(get("/js/api.js", null)).contains("Authorization");
        assertThat(get("/js/nothing.js", null)).startsWith("404 ");
        assertThat(get("/application.yml", null)).startsWith("401 ");
        assertThat(get("/api/unknown", null)).startsWith("401 ");
        assertThat(status(HttpMethod.DELETE, "/api/what-if", TestTokens.admin())).isEqualTo(403);
        assertThat(status(HttpMethod.POST, "/api/workload", TestTokens.director("ELE"))).isEqualTo(403);
    }

    @Test
    void healthIsOpenAndMetricsAreForOps() {
        assertThat(get("/actuator/health", null)).startsWith("200 ");
        assertThat(get("/actuator/prometheus", null)).startsWith("401 ");
        assertThat(get("/actuator/prometheus", TestTokens.director("ELE"))).startsWith("403 ");
        assertThat(get("/actuator/prometheus", TestTokens.ops())).startsWith("200 ").contains("application=\"workload-service\"");
    }

    @Test
    void tokensThatAreNotCenterlinesAreRefused() {
        assertThat(get("/api/workload", TestTokens.expired(Role.DIRECTOR))).startsWith("401 ");
        assertThat(get("/api/workload", TestTokens.signedByStranger(Role.DIRECTOR))).startsWith("401 ");
        assertThat(get("/api/workload", TestTokens.otherAudience(Role.OPS))).startsWith("401 ");
    }

    private void assertReadableOnlyByDirectorsAndOps(String path, String expected) {
        String anonymous = get(path, null);
        assertThat(anonymous).startsWith("401 ").contains("application/problem+json", "needs a bearer token");
        for (String wrong : new String[] {TestTokens.filer("ABC"), TestTokens.importer("12-3456789AB"),
                TestTokens.specialist("ELE", "ele-s1"), TestTokens.agency("FDA"), TestTokens.admin()}) {
            assertThat(get(path, wrong)).startsWith("403 ").contains("application/problem+json");
        }
        assertThat(get(path, TestTokens.director("ELE"))).startsWith("200 ").contains(expected);
        assertThat(get(path, TestTokens.director("PNG"))).startsWith("200 ").contains(expected);
        assertThat(get(path, TestTokens.ops())).startsWith("200 ").contains(expected);
    }

    /** "status content-type body" of a GET. */
    private String get(String path, String token) {
        return as(token).get().uri(path).exchange((req, res) ->
                res.getStatusCode().value() + " " + res.getHeaders().getContentType() + " " + new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    private String whatIf(String token, String body) {
        return as(token).post().uri("/api/what-if").contentType(MediaType.APPLICATION_JSON).body(body).exchange((req, res) ->
                res.getStatusCode().value() + " " + res.getHeaders().getContentType() + " " + new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    private int status(HttpMethod method, String path, String token) {
        return as(token).method(method).uri(path).exchange((req, res) -> res.getStatusCode().value());
    }
}
