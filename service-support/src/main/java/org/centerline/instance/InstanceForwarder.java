package org.centerline.instance;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Asks the instance that owns a piece of state the same HTTP question a caller asked this one, so any
 * instance answers any question with the owner's answer. The caller's {@code Authorization} (the owner
 * checks it again), content type, accept and trace headers go along, plus {@value #FORWARDED_BY} naming this
 * instance; a request that already carries that header must not be forwarded again (see
 * {@link #wasForwarded}), so two instances that disagree about an owner during a rebalance never bounce a
 * request between them. The owner's status, body and content type, {@code Retry-After} and
 * {@code WWW-Authenticate} come back as they are.
 */
public final class InstanceForwarder {

    public static final String FORWARDED_BY = "Centerline-Forwarded-By";

    private static final String[] REQUEST_HEADERS = {HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
            "traceparent", "tracestate"};
    private static final String[] ANSWER_HEADERS = {HttpHeaders.CONTENT_TYPE, HttpHeaders.RETRY_AFTER,
            HttpHeaders.WWW_AUTHENTICATE};

    private final String instanceId;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public InstanceForwarder(String instanceId) {
        this.instanceId = instanceId;
    }

    /** Whether another instance already forwarded this request here. */
    public static boolean wasForwarded(HttpServletRequest request) {
        return request.getHeader(FORWARDED_BY) != null;
    }

    /**
     * The owner's answer to {@code request} (path and query as received, {@code body} as read), or empty when
     * the owner did not answer within {@code timeout} (it may be stopping: the caller should answer 503).
     */
    public Optional<Answer> forward(String host, int port, HttpServletRequest request, byte[] body, Duration timeout) {
        String query = request.getQueryString();
        URI uri = URI.create("http://" + host + ":" + port + request.getRequestURI() + (query == null ? "" : "?" + query));
        HttpRequest.Builder out = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(request.getMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body))
                .header(FORWARDED_BY, instanceId);
        for (String name : REQUEST_HEADERS) {
            String value = request.getHeader(name);
            if (value != null) {
                out.header(name, value);
            }
        }
        try {
            HttpResponse<byte[]> response = http.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : ANSWER_HEADERS) {
                response.headers().firstValue(name).ifPresent(value -> headers.put(name, value));
            }
            return Optional.of(new Answer(response.statusCode(), headers, response.body()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** What the owner answered; {@code forwardedBy} names the instance that relays it. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {

        /** As the answer of a servlet filter. */
        public void writeTo(HttpServletResponse response, String forwardedBy) {
            response.setStatus(status);
            headers.forEach(response::setHeader);
            response.setHeader(FORWARDED_BY, forwardedBy);
            try {
                response.getOutputStream().write(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** As the answer of a controller method. */
        public ResponseEntity<byte[]> toResponseEntity(String forwardedBy) {
            ResponseEntity.BodyBuilder relayed = ResponseEntity.status(status).header(FORWARDED_BY, forwardedBy);
            headers.forEach((name, value) -> {
                if (name.equals(HttpHeaders.CONTENT_TYPE)) {
                    relayed.contentType(MediaType.parseMediaType(value));
                } else {
                    relayed.header(name, value);
                }
            });
            return relayed.body(body);
        }
    }

    public String instanceId() {
        return instanceId;
    }
}
