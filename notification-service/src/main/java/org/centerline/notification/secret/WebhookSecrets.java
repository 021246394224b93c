package org.centerline.notification.secret;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.centerline.notification.NotificationProperties;
import org.centerline.notification.subscription.Subscription;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * A subscription's webhook secrets: issued at creation, rotated on request (the old one signing on for
 * {@code centerline.notification.secret-overlap}), kept encrypted on the topic, decrypted only to sign.
 */
@Component
public class WebhookSecrets {

    /** The plain secrets to sign one delivery with. */
    public record Signing(List<String> standard, String legacy) {
    }

    private final SecretCipher cipher;
    private final NotificationProperties properties;
    private final Clock clock;

    @Autowired
    public WebhookSecrets(NotificationProperties properties, KafkaProperties kafka, Clock clock) {
        this(SecretCipher.fromSettings(properties.secretKeys(), properties.secretKeyId(), kafka.getBootstrapServers()),
                properties, clock);
    }

    public WebhookSecrets(SecretCipher cipher, NotificationProperties properties, Clock clock) {
        this.cipher = cipher;
        this.properties = properties;
        this.clock = clock;
    }

    /** The webhook to store for a new subscription: a freshly issued secret (returned in plain too) and the legacy one. */
    public Issued issue(String subscriptionId, String url, String legacySecret) {
        String secret = StandardWebhooks.newSecret();
        Subscription.SigningSecret signing = new Subscription.SigningSecret(cipher.encrypt(secret, subscriptionId),
                clock.instant(), null);
        return new Issued(new Subscription.Webhook(url, null, List.of(signing),
                legacySecret == null ? null : cipher.encrypt(legacySecret, subscriptionId)), secret);
    }

    /** The webhook to store after a rotation: a new current secret; the previous ones sign until the overlap ends. */
    public Issued rotate(Subscription subscription) {
        Instant now = clock.instant();
        Instant until = now.plus(properties.secretOverlap());
        String secret = StandardWebhooks.newSecret();
        List<Subscription.SigningSecret> secrets = new ArrayList<>();
        secrets.add(new Subscription.SigningSecret(cipher.encrypt(secret, subscription.id()), now, null));
        Subscription.Webhook old = subscription.webhook();
        for (Subscription.SigningSecret s : old.signingSecrets() == null ? List.<Subscription.SigningSecret>of() : old.signingSecrets()) {
            if (s.expiresAt() == null) {
                secrets.add(new Subscription.SigningSecret(s.secret(), s.createdAt(), until));
            } else if (s.expiresAt().isAfter(now)) {
                secrets.add(s);
            }
        }
        return new Issued(new Subscription.Webhook(old.url(), null, secrets, old.legacySecret()), secret, until);
    }

    /** What signs a delivery now: every Standard Webhooks secret not expired, newest first, and the legacy one. */
    public Signing forSigning(Subscription subscription) {
        Subscription.Webhook webhook = subscription.webhook();
        Instant now = clock.instant();
        List<String> standard = new ArrayList<>();
        for (Subscription.SigningSecret s : webhook.signingSecrets() == null ? List.<Subscription.SigningSecret>of() : webhook.signingSecrets()) {
            if (s.expiresAt() == null || s.expiresAt().isAfter(now)) {
                standard.add(cipher.decrypt(s.secret(), subscription.id()));
            }
        }
        String legacy = webhook.legacySecret() != null ? cipher.decrypt(webhook.legacySecret(), subscription.id())
                // Stored before secrets were encrypted: the plain secret the subscriber gave.
                : webhook.secret() != null ? webhook.secret()
                : standard.isEmpty() ? null : standard.get(0);
        return new Signing(standard, legacy);
    }

    /** A webhook to store and the new secret in plain, for the one answer that shows it. */
    public record Issued(Subscription.Webhook webhook, String secret, Instant previousValidUntil) {
        Issued(Subscription.Webhook webhook, String secret) {
            this(webhook, secret, null);
        }
    }
}
