package org.centerline.localstack.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.centerline.contracts.json.CenterlineJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link CenterApi} over HTTP with {@link HttpClient}: JSON in and out, each call with the bearer token of whoever
 * makes it ({@link StaffTokens}), RFC 9457 problem details read into the error.
 */
public final class HttpCenterApi implements CenterApi {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** A claim or decision goes through center-service's Kafka Streams topology before it answers. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final String baseUrl;
    private final StaffTokens tokens;
    private final HttpClient http;
    private final JsonMapper json = CenterlineJson.mapper();

    /** @param baseUrl e.g. {@code http://localhost:8082} */
    public HttpCenterApi(String baseUrl, StaffTokens tokens) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.tokens = tokens;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public Roster roster(String centerCode) {
        return read(get(center(centerCode) + "/roster", tokens.director(centerCode)), Roster.class);
    }

    @Override
    public QueuePage queue(String centerCode, String status, String specialistId, int page, int size) {
        StringJoiner query = new StringJoiner("&", "?", "");
        if (status != null) {
            query.add("status=" + param(status));
        }
        if (specialistId != null) {
            query.add("specialistId=" + param(specialistId));
        }
        query.add("page=" + page).add("size=" + size);
        String token = specialistId != null ? tokens.specialist(centerCode, specialistId) : tokens.director(centerCode);
        return read(get(center(centerCode) + "/queue" + query, token), QueuePage.class);
    }

    @Override
    public WorkItem claim(String centerCode, String entryNumber, String specialistId) {
        return read(post(entry(centerCode, entryNumber) + "/claim", Map.of("specialistId", specialistId),
                tokens.specialist(centerCode, specialistId)), WorkItem.class);
    }

    @Override
    public WorkItem decide(String centerCode, String entryNumber, String action, String specialistId, String reason) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("action", action);
        body.put("specialistId", specialistId);
        body.put("reason", reason);
        return read(post(entry(centerCode, entryNumber) + "/decision", body, tokens.specialist(centerCode, specialistId)),
                WorkItem.class);
    }

    @Override
    public WorkItem answerCf28(String centerCode, String entryNumber, String reason) {
        return read(post(entry(centerCode, entryNumber) + "/cf28-answer", Map.of("reason", reason),
                tokens.director(centerCode)), WorkItem.class);
    }

    private String center(String centerCode) {
        return baseUrl + "/api/centers/" + segment(centerCode.toLowerCase(Locale.ROOT));
    }

    private String entry(String centerCode, String entryNumber) {
        return center(centerCode) + "/entries/" + segment(entryNumber);
    }

    private HttpRequest get(String url, String token) {
        return request(url, token).GET().build();
    }

    private HttpRequest post(String url, Map<String, String> body, String token) {
        return request(url, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8)).build();
    }

    private static HttpRequest.Builder request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Bearer " + token);
    }

    private <T> T read(HttpRequest request, Class<T> type) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CenterApiException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CenterApiException(request.method() + " " + request.uri() + ": interrupted", e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw new CenterApiException(status, request.method() + " " + request.uri().getRawPath() + " answered " + status
                    + problem(response.body()));
        }
        try {
            return json.readValue(response.body(), type);
        } catch (JacksonException e) {
            throw new CenterApiException(status, request.method() + " " + request.uri().getRawPath()
                    + " answered " + status + " with a body that is not a " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    /** ": title: detail" from an RFC 9457 body, or a cut of whatever else came back. */
    private String problem(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode node = json.readTree(body);
            String title = text(node, "title");
            String detail = text(node, "detail");
            if (title != null || detail != null) {
                return ": " + (title == null ? detail : detail == null ? title : title + ": " + detail);
            }
        } catch (JacksonException e) {
            // not JSON
        }
        String b = body.strip();
        return ": " + (b.length() > 200 ? b.substring(0, 200) + "..." : b);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || !v.isString() || v.stringValue().isBlank() ? null : v.stringValue();
    }

    private static String param(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
