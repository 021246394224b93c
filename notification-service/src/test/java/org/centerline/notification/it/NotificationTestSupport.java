package org.centerline.notification.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.centerline.contracts.event.EntryStatus;
import org.centerline.contracts.event.Rejection;
import org.centerline.contracts.event.RejectionReason;
import org.centerline.contracts.event.StatusChanged;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.testing.SharedKafka;
import org.centerline.contracts.topic.Topics;
import org.centerline.security.TestTokens;
import tools.jackson.databind.JsonNode;

/** Helpers for notification-service tests: source events on Kafka, the HTTP API, unique parties, signatures. */
final class NotificationTestSupport {

    /** Filer codes no other test of this JVM uses (the broker is shared): three base-36 characters. */
    private static final AtomicInteger filers = new AtomicInteger(ThreadLocalRandom.current().nextInt(36 * 36 * 36));

    private static final AtomicInteger importers = new AtomicInteger(ThreadLocalRandom.current().nextInt(5_000_000));

    private NotificationTestSupport() {
    }

    static String uniqueFiler() {
        String code = Integer.toString(filers.incrementAndGet() % (36 * 36 * 36), 36).toUpperCase();
        return "0".repeat(3 - code.length()) + code;
    }

    static String uniqueImporter() {
        return String.format("12-%07dAB", importers.incrementAndGet());
    }

    static String entryNumber(String filer) {
        return filer + "-" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000)) + "-"
                + ThreadLocalRandom.current().nextInt(10);
    }

    // ---- Kafka: source events as the other services publish them --------------------------------------------

    static final class Publisher implements AutoCloseable {
        private final KafkaProducer<String, byte[]> producer;

        Publisher() {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        }

        void publish(String topic, String key, Object value) {
            publish(topic, key, value, null);
        }

        /** Publishes with the W3C {@code traceparent} header of a trace, as the services upstream do. */
        void publish(String topic, String key, Object value, String traceparent) {
            try {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key,
                        CenterlineJson.mapper().writeValueAsBytes(value));
                if (traceparent != null) {
                    record.headers().add("traceparent", traceparent.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                producer.send(record).get();
            } catch (Exception e) {
                throw new IllegalStateException("Could not publish to " + topic, e);
            }
        }

        /** A rejection of {@code entryNumber} for {@code filer}, published with {@code key}. */
        Rejection reject(String key, String entryNumber, String filer) {
            Rejection r = new Rejection(1, entryNumber, filer,
                    List.of(new RejectionReason("lines[0].htsNumber", "HTS_FORMAT", "htsNumber must be 10 digits")),
                    Instant.parse("2026-11-20T14:03:11Z"), "{\"entryNumber\":\"" + entryNumber + "\"}");
            publish(Topics.REJECTED.name(), key, r);
            return r;
        }

        StatusChanged status(String entryNumber, String filer, String importer, EntryStatus status) {
            StatusChanged s = new StatusChanged(1, entryNumber, "ELE", filer, importer, status, "ele-spec-1",
                    status == EntryStatus.CF28_ISSUED ? "Need the commercial invoice" : null, Instant.now());
            publish(Topics.STATUS.name(), entryNumber, s);
            return s;
        }

        @Override
        public void close() {
            producer.close(Duration.ofSeconds(5));
        }
    }

    // ---- HTTP -----------------------------------------------------------------------------------------------

    record Response(int status, String contentType, String body) {
        JsonNode json() {
            return CenterlineJson.mapper().readTree(body);
        }
    }

    /** The service's HTTP API, called anonymously or, after {@link #as}, with a bearer token. */
    static final class Api {
        private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final String base;
        private final String token;

        Api(int port) {
            this("http://127.0.0.1:" + port, null);
        }

        private Api(String base, String token) {
            this.base = base;
            this.token = token;
        }

        /** The same API, called with this token (from {@code TestTokens}); null: anonymously. */
        Api as(String token) {
            return new Api(base, token);
        }

        String base() {
            return base;
        }

        Response get(String path) {
            return get(path, "application/json");
        }

        Response get(String path, String accept) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET());
        }

        Response post(String path, Object body) {
            String json = body instanceof String s ? s : CenterlineJson.mapper().writeValueAsString(body);
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        Response delete(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
        }

        private Response send(HttpRequest.Builder request) {
            if (token != null) {
                request.header("Authorization", TestTokens.bearer(token));
            }
            try {
                HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        boolean ready() {
            try {
                return get("/actuator/health/readiness").status() == 200;
            } catch (RuntimeException e) {
                return false;
            }
        }

        /** Creates a subscription (201 expected) and returns it as answered. */
        JsonNode subscribe(Map<String, Object> body) {
            Response r = post("/api/subscriptions", body);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            return r.json();
        }
    }

    // ---- Signatures -----------------------------------------------------------------------------------------

    /** {@code sha256=} and the hex HMAC-SHA256 of {@code timestamp + "." + body} with the secret, computed here independently. */
    static String expectedSignature(String secret, String timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signed = new byte[timestamp.length() + 1 + rawBody.length];
            byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
            System.arraycopy(prefix, 0, signed, 0, prefix.length);
            System.arraycopy(rawBody, 0, signed, prefix.length, rawBody.length);
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(signed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
