package org.centerline.notification.subscription;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.topic.Topics;
import org.centerline.notification.NotificationProperties;
import org.centerline.notification.secret.WebhookSecrets;
import org.centerline.notification.source.Notification;
import org.centerline.web.Problems;
import org.centerline.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Subscriptions over HTTP (CONTRACT.md): create, read (secret never shown again), delete. A caller subscribes
 * to what it may see only ({@link SubscriptionScope}), and reads or deletes its own party's subscriptions only:
 * someone else's answers 404, as if there were none.
 */
@RestController
@RequestMapping("/api/subscriptions")
public class SubscriptionController {

    /** The body of a POST, as CONTRACT.md gives it. */
    public record SubscriptionRequest(String subscriber, List<String> eventTypes, List<String> filerCodes,
                                      List<String> importerNumbers, List<String> centerCodes, List<String> audiences,
                                      Subscription.Webhook webhook) {
    }

    private final KafkaTemplate<String, byte[]> kafka;
    private final SubscriptionRegistry registry;
    private final WebhookPolicy policy;
    private final NotificationProperties properties;
    private final Clock clock;
    private final WebhookSecrets secrets;

    /** The answer to a rotation: the new secret, shown this once, and until when the previous one still signs. */
    public record RotatedSecret(String secret, Instant previousValidUntil) {
    }

    public SubscriptionController(KafkaTemplate<String, byte[]> kafka, SubscriptionRegistry registry, WebhookPolicy policy,
                                  NotificationProperties properties, Clock clock, WebhookSecrets secrets) {
        this.secrets = secrets;
        this.kafka = kafka;
        this.registry = registry;
        this.policy = policy;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping
    public ResponseEntity<Subscription> subscribe(@RequestBody SubscriptionRequest body, Caller caller)
            throws InterruptedException, ExecutionException, TimeoutException {
        Subscription fitted = SubscriptionScope.fit(validate(body), caller);
        // The service issues the Standard Webhooks secret; a secret the subscriber gave signs the deprecated header only.
        WebhookSecrets.Issued issued = secrets.issue(fitted.id(), fitted.webhook().url(), fitted.webhook().secret());
        Subscription subscription = fitted.withWebhook(issued.webhook());
        kafka.send(Topics.NOTIFICATION_SUBSCRIPTIONS.name(), subscription.id(),
                CenterlineJson.mapper().writeValueAsBytes(subscription)).get(10, TimeUnit.SECONDS);
        awaitRegistry(subscription.id(), true);
        Subscription shown = subscription.withoutSecret();
        return ResponseEntity.created(URI.create("/api/subscriptions/" + subscription.id()))
                .body(shown.withWebhook(new Subscription.Webhook(shown.webhook().url(), issued.secret())));
    }

    /**
     * A new webhook secret, shown this once; the previous one goes on signing (next to the new one) for
     * {@code centerline.notification.secret-overlap}, so the receiver can switch without losing a delivery.
     */
    @PostMapping("/{id}/secret")
    public RotatedSecret rotate(@PathVariable String id, Caller caller)
            throws InterruptedException, ExecutionException, TimeoutException {
        Subscription subscription = registry.findFor(id, caller).orElseThrow(() -> notFound(id));
        WebhookSecrets.Issued issued = secrets.rotate(subscription);
        Subscription rotated = subscription.withWebhook(issued.webhook());
        kafka.send(Topics.NOTIFICATION_SUBSCRIPTIONS.name(), id, CenterlineJson.mapper().writeValueAsBytes(rotated))
                .get(10, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + properties.stateTimeout().toNanos();
        while (!registry.find(id).map(s -> s.webhook().equals(rotated.webhook())).orElse(true) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return new RotatedSecret(issued.secret(), issued.previousValidUntil());
    }

    @GetMapping("/{id}")
    public Subscription get(@PathVariable String id, Caller caller) {
        return registry.findFor(id, caller).map(Subscription::withoutSecret).orElseThrow(() -> notFound(id));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id, Caller caller)
            throws InterruptedException, ExecutionException, TimeoutException {
        registry.findFor(id, caller).orElseThrow(() -> notFound(id));
        kafka.send(Topics.NOTIFICATION_SUBSCRIPTIONS.name(), id, null).get(10, TimeUnit.SECONDS);
        awaitRegistry(id, false);
        return ResponseEntity.noContent().build();
    }

    private Subscription validate(SubscriptionRequest body) {
        List<String> problems = new ArrayList<>();
        if (body == null) {
            throw invalid(List.of("A JSON body is required."));
        }
        if (body.subscriber() == null || body.subscriber().isBlank()) {
            problems.add("subscriber is required.");
        }
        List<String> types = body.eventTypes() == null ? List.of() : body.eventTypes();
        types.stream().filter(t -> !Notification.EVENT_TYPES.contains(t))
                .forEach(t -> problems.add("eventTypes: '" + t + "' is not one of " + Notification.EVENT_TYPES + "."));
        List<String> filers = body.filerCodes() == null ? List.of() : body.filerCodes();
        filers.stream().filter(f -> f == null || !f.matches("[A-Z0-9]{3}"))
                .forEach(f -> problems.add("filerCodes: '" + f + "' is not a 3-character filer code."));
        List<String> centers = new ArrayList<>();
        for (String c : body.centerCodes() == null ? List.<String>of() : body.centerCodes()) {
            Centers.find(c).ifPresentOrElse(center -> centers.add(center.code()),
                    () -> problems.add("centerCodes: '" + c + "' is not a Center code."));
        }
        if (body.webhook() == null || body.webhook().url() == null) {
            problems.add("webhook.url is required.");
        } else {
            policy.refuse(body.webhook().url()).ifPresent(problems::add);
        }
        if (body.webhook() != null && body.webhook().secret() != null && body.webhook().secret().length() < 16) {
            problems.add("webhook.secret, when given, must be at least 16 characters (it signs the deprecated "
                    + "Centerline-Signature; the service issues the Standard Webhooks secret itself).");
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return new Subscription(UUID.randomUUID().toString(), body.subscriber().strip(), types, filers,
                body.importerNumbers(), centers, body.audiences(), new Subscription.Webhook(body.webhook().url(), body.webhook().secret()),
                clock.instant(), null);
    }

    private void awaitRegistry(String id, boolean present) throws InterruptedException {
        long deadline = System.nanoTime() + properties.stateTimeout().toNanos();
        while (registry.find(id).isPresent() != present && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static RuntimeException invalid(List<String> problems) {
        var error = Problems.error(HttpStatus.BAD_REQUEST, "invalid-subscription", "Invalid subscription",
                String.join(" ", problems));
        error.getBody().setProperty("errors", problems);
        return error;
    }

    private static RuntimeException notFound(String id) {
        return Problems.error(HttpStatus.NOT_FOUND, "not-found", "No such subscription", "No subscription " + id + ".");
    }

}
