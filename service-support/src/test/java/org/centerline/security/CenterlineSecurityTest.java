package org.centerline.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The shared chain on a real server: who gets in, who is turned away, and how they are told. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {TestTokens.PUBLIC_KEY, TestTokens.AUDIENCE, "centerline.http.max-body-bytes=1024",
                "management.endpoints.web.exposure.include=health,info"})
class CenterlineSecurityTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anAnonymousCallerGetsAProblemAndTheBearerChallenge() throws Exception {
        HttpResponse<String> response = get("/api/filers/ABC", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":401").contains("needs a bearer token");
    }

    @Test
    void healthIsOpenAndTheRestOfActuatorIsForOps() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/info", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/info", TestTokens.filer("ABC")).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/info", TestTokens.ops()).statusCode()).isEqualTo(200);
    }

    @Test
    void tokensThatAreNotOursAreRefused() throws Exception {
        assertThat(get("/api/filers/ABC", TestTokens.expired(Role.FILER)).statusCode()).isEqualTo(401);
        assertThat(get("/api/filers/ABC", TestTokens.signedByStranger(Role.FILER)).statusCode()).isEqualTo(401);
        assertThat(get("/api/filers/ABC", TestTokens.otherAudience(Role.FILER)).statusCode()).isEqualTo(401);
        assertThat(get("/api/filers/ABC", "not-a-jwt").body()).contains("not accepted");
    }

    @Test
    void theRightRoleForAnotherPartyIsForbiddenAndTheRightPartySucceeds() throws Exception {
        assertThat(get("/api/filers/ABC", TestTokens.filer("ABC")).body()).isEqualTo("ABC");
        HttpResponse<String> other = get("/api/filers/ABC", TestTokens.filer("XYZ"));
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("only its own filer code");
        assertThat(get("/api/filers/ABC", TestTokens.importer("12-3456789AB")).statusCode()).isEqualTo(403);
    }

    @Test
    void aPathNoRuleNamesIsClosedEvenToAdmins() throws Exception {
        assertThat(get("/api/undeclared", TestTokens.admin()).statusCode()).isEqualTo(403);
        assertThat(get("/api/undeclared", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aBodyOverTheLimitIs413BeforeItIsRead() throws Exception {
        HttpResponse<String> big = post("/api/echo", "x".repeat(2048), TestTokens.admin());
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(big.body()).contains("at most 1024");
        assertThat(post("/api/echo", "x".repeat(100), TestTokens.admin()).body()).isEqualTo("100");
        assertThat(post("/api/echo", "x".repeat(2048), null).statusCode()).isEqualTo(401);
    }

    @Test
    void aChunkedBodyWithoutALengthIsCutOffAtTheLimit() throws Exception {
        HttpResponse<String> big = chunked("/api/echo", "x".repeat(4096), TestTokens.admin());
        assertThat(big.statusCode()).as("a body of unknown length over the limit is not read to its end").isEqualTo(400);
        assertThat(chunked("/api/echo", "x".repeat(100), TestTokens.admin()).body()).isEqualTo("100");
    }

    private HttpResponse<String> chunked(String path, String body, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .header("Content-Type", "text/plain").header("Authorization", TestTokens.bearer(token)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "text/plain");
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SpringBootApplication
    @Import(CenterlineSecurity.class)
    static class App {
        @Bean
        EndpointRules rules() {
            return paths -> {
                paths.requestMatchers("/api/filers/**").hasRole(Role.FILER.name());
                paths.requestMatchers("/api/echo").hasRole(Role.ADMIN.name());
            };
        }

        @RestController
        static class Api {
            @GetMapping("/api/filers/{code}")
            String filer(@PathVariable String code, Caller caller) {
                Caller.require(caller.isFiler(code), "A filer sees only its own filer code.");
                return caller.filerCode();
            }

            @PostMapping("/api/echo")
            String echo(@RequestBody String body) {
                return String.valueOf(body.length());
            }
        }
    }
}
