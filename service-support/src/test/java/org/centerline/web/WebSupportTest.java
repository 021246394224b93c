package org.centerline.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.ErrorResponseException;

class WebSupportTest {

    @Test
    void problemsHaveOneTypeBaseAndTheirOwnTexts() {
        ProblemDetail problem = Problems.problem(HttpStatus.NOT_FOUND, "not-found", "No such filing", "No filing 1.");
        assertThat(problem.getType()).hasToString("https://centerline.dev/problems/not-found");
        assertThat(problem.getTitle()).isEqualTo("No such filing");
        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getDetail()).isEqualTo("No filing 1.");
        ErrorResponseException error = Problems.error(HttpStatus.CONFLICT, "illegal-transition", "Not allowed now", "no");
        assertThat(error.getStatusCode().value()).isEqualTo(409);
        assertThat(error.getBody().getType()).hasToString("https://centerline.dev/problems/illegal-transition");
    }

    @Test
    void notReadyIsA503WithRetryAfterThrownOrAnswered() {
        ErrorResponseException thrown = Problems.notReady("not-ready", "Ledger not ready", "Restoring.");
        assertThat(thrown.getStatusCode().value()).isEqualTo(503);
        assertThat(thrown.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        ResponseEntity<ProblemDetail> answer = Problems.notReadyAnswer("stores-not-ready", "Workload not ready", "Loading.");
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        assertThat(answer.getBody().getType()).hasToString("https://centerline.dev/problems/stores-not-ready");
    }

    @Test
    void aProblemWrittenOutsideSpringMvcHasTheSameMembers() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Problems.RETRY_AFTER_SECONDS);
        Problems.write(response, Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "queues-not-ready", "Queues not ready",
                "Say \"again\"."), headers);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        assertThat(response.getContentAsString()).isEqualTo("{\"type\":\"https://centerline.dev/problems/queues-not-ready\","
                + "\"title\":\"Queues not ready\",\"status\":503,\"detail\":\"Say \\\"again\\\".\"}");
    }

    @Test
    void operationSummariesAreTheMethodNamesInWords() {
        assertThat(ApiDocs.words("whatIf")).isEqualTo("What if");
        assertThat(ApiDocs.words("recommendations")).isEqualTo("Recommendations");
        assertThat(ApiDocs.words("listQueueItems")).isEqualTo("List queue items");
    }

    @Test
    void meterNamesBecomeSnakeCaseAndEveryMeterHasHelp() {
        assertThat(MetricNaming.snakeCase("spring.security.filterchains.OAuth2ProtectedResourceMetadataFilter_before"))
                .isEqualTo("spring.security.filterchains.o_auth2_protected_resource_metadata_filter_before");
        assertThat(MetricNaming.snakeCase("http.server.requests")).isEqualTo("http.server.requests");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new MetricNaming());
        Counter described = Counter.builder("centerline.filed").description("Filings taken").register(registry);
        Counter bare = Counter.builder("some.LibraryCounter").register(registry);
        assertThat(described.getId().getDescription()).isEqualTo("Filings taken");
        assertThat(bare.getId().getName()).isEqualTo("some.library_counter");
        assertThat(bare.getId().getDescription()).contains("some.library_counter");
        assertThat(bare.getId().getType()).isEqualTo(Meter.Type.COUNTER);
        registry.gauge("kafka.consumer.connection.count", 3.0);
        assertThat(registry.find("kafka.consumer.connections").gauge()).isNotNull();
        assertThat(registry.find("kafka.consumer.connections").gauge().value()).isEqualTo(3.0);
        assertThat(registry.find("kafka.consumer.connection.count").gauge()).as("published under the Prometheus name only").isNull();
        Counter.builder("kafka.consumer.io-time-ns-total").register(registry);
        Counter.builder("process.cpu.time").baseUnit("ns").register(registry);
        assertThat(registry.find("kafka.consumer.io-time-ns-total").meter()).as("abbreviated unit").isNull();
        assertThat(registry.find("process.cpu.time").meter()).as("nanoseconds").isNull();
    }

    @Test
    void theCommonDefaultsComeLastSoAServiceSettingWins() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("service", Map.of("server.shutdown", "immediate")));
        new CommonDefaults().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("server.shutdown")).isEqualTo("immediate");
        assertThat(environment.getProperty("spring.mvc.problemdetails.enabled")).isEqualTo("true");
        assertThat(environment.getPropertySources().stream().reduce((first, second) -> second).orElseThrow().getName())
                .startsWith("centerlineCommonDefaults");
    }
}
