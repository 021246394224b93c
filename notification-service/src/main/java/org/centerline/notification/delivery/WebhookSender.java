package org.centerline.notification.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.centerline.contracts.json.CenterlineJson;
import org.springframework.beans.factory.ObjectProvider;
import org.centerline.notification.NotificationProperties;
import org.centerline.notification.secret.StandardWebhooks;
import org.centerline.notification.secret.WebhookSecrets;
import org.centerline.notification.subscription.Subscription;
import org.springframework.stereotype.Component;

/**
 * Calls a subscriber's webhook exactly as CONTRACT.md says: POST of the JSON body signed the Standard Webhooks
 * way ({@code webhook-id} = the delivery id, {@code webhook-timestamp}, {@code webhook-signature: v1,<base64>}, one
 * signature per live secret, space-separated, during a rotation), and, deprecated, for one more version,
 * {@code Centerline-Delivery}, {@code Centerline-Timestamp} and {@code Centerline-Signature:
 * sha256=<hex HMAC-SHA256 of "timestamp.body">}. No redirects followed; connect and read timeouts;
 * the answer's body is discarded, never stored.
 */
@Component
public class WebhookSender {

    /** What the subscriber answered: its status code, or -1 with the error when there was no answer. */
    public record Outcome(int status, String error) {
        public boolean delivered() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient client;
    private final NotificationProperties properties;
    private final Clock clock;
    private final Tracer tracer;
    private final Propagator propagator;

    private final WebhookSecrets secrets;

    public WebhookSender(NotificationProperties properties, Clock clock, ObjectProvider<Tracer> tracer,
                         ObjectProvider<Propagator> propagator, WebhookSecrets secrets) {
        this.properties = properties;
        this.secrets = secrets;
        this.clock = clock;
        this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.connectTimeout()).build();
    }

    public Outcome send(Subscription subscription, Delivery delivery) {
        byte[] body = CenterlineJson.mapper().writeValueAsBytes(delivery.body());
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        WebhookSecrets.Signing signing = secrets.forSigning(subscription);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(subscription.webhook().url()))
                .timeout(properties.readTimeout())
                .header("Content-Type", "application/json")
                .header("webhook-id", delivery.deliveryId())
                .header("webhook-timestamp", timestamp);
        if (!signing.standard().isEmpty()) {
            builder.header("webhook-signature", String.join(" ", signing.standard().stream()
                    .map(secret -> StandardWebhooks.sign(secret, delivery.deliveryId(), timestamp, body)).toList()));
        }
        // Deprecated: this project's own headers, sent for one more version (see the README).
        builder.header("Centerline-Delivery", delivery.deliveryId())
                .header("Centerline-Timestamp", timestamp);
        if (signing.legacy() != null) {
            builder.header("Centerline-Signature", "sha256=" + sign(signing.legacy(), timestamp, body));
        }
        builder.POST(HttpRequest.BodyPublishers.ofByteArray(body));
        // The subscriber can tie the call to the filing's trace (W3C traceparent).
        if (tracer.currentTraceContext().context() != null) {
            propagator.inject(tracer.currentTraceContext().context(), builder, HttpRequest.Builder::header);
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            // The answer's body is neither read nor stored; closing it at once stops a receiver that trickles bytes.
            response.body().close();
            return new Outcome(response.statusCode(), response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode());
        } catch (IOException e) {
            return new Outcome(-1, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(-1, "interrupted");
        }
    }

    /** Hex HMAC-SHA256 (the deprecated {@code Centerline-Signature}) of {@code timestamp + "." + body} with the subscription's secret. */
    public static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
