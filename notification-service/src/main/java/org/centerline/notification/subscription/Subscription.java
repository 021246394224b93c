package org.centerline.notification.subscription;

import java.time.Instant;
import java.util.List;
import org.centerline.notification.source.Notification;
import org.centerline.security.Role;

/**
 * Who wants to hear what, and where to send it: kept on the compacted {@code notification-subscriptions}
 * topic. An absent (empty) filter matches everything; a filter only applies to notifications that carry
 * that attribute (an announcement has no filer code, an entry event no audience). Over HTTP, a caller's
 * filters are first narrowed to what it may see ({@link SubscriptionScope}).
 *
 * @param owner who created it; null on subscriptions made before owners were recorded (only ops and admin see those)
 */
public record Subscription(
        String id,
        String subscriber,
        List<String> eventTypes,
        List<String> filerCodes,
        List<String> importerNumbers,
        List<String> centerCodes,
        List<String> audiences,
        Webhook webhook,
        Instant createdAt,
        Owner owner) {

    /**
     * Where deliveries go, and the secrets their signatures are made with.
     *
     * @param secret in a request, the subscriber's own secret for the deprecated {@code Centerline-Signature} (optional);
     *               in the answer to a creation, the issued {@code whsec_} secret, shown this once; never stored so
     * @param signingSecrets the Standard Webhooks secrets, encrypted ({@link org.centerline.notification.secret.SecretCipher}),
     *                       newest first; only on the topic, never in an answer
     * @param legacySecret the subscriber's own secret, encrypted, when it gave one; only on the topic
     */
    public record Webhook(String url, String secret, List<SigningSecret> signingSecrets, String legacySecret) {

        public Webhook(String url, String secret) {
            this(url, secret, null, null);
        }

        public Webhook {
            signingSecrets = signingSecrets == null ? null : List.copyOf(signingSecrets);
        }
    }

    /**
     * One Standard Webhooks secret, encrypted; a rotated-out one signs until {@code expiresAt}.
     *
     * @param expiresAt null while it is the current secret
     */
    public record SigningSecret(String secret, Instant createdAt, Instant expiresAt) {
    }

    /**
     * The caller that created a subscription: its token's subject (for the record) and the role and party it
     * acted as, which decide who else may see it: callers acting for the same party in the same role.
     *
     * @param party the filer code, importer number, Center or agency; null for ops and admin
     */
    public record Owner(String subject, Role role, String party) {
    }

    public Subscription {
        eventTypes = clean(eventTypes);
        filerCodes = clean(filerCodes);
        importerNumbers = clean(importerNumbers);
        centerCodes = clean(centerCodes);
        audiences = clean(audiences);
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().filter(java.util.Objects::nonNull).toList();
    }

    /**
     * Every filter that is set must match. An entry event (rejection, status) concerns named parties:
     * a set filter matches only a value the event carries, so nobody hears of another filer's entries.
     * An announcement is broadcast: filer and importer filters do not apply, an announcement for all
     * Centers passes a Center filter, and one without audiences passes an audience filter.
     */
    public boolean matches(Notification n) {
        if (!eventTypes.isEmpty() && !eventTypes.contains(n.eventType())) {
            return false;
        }
        if (Notification.ENTRY_ROUTED.equals(n.eventType())) {
            return AgencyRouting.matches(this, n);
        }
        if (n.data() instanceof org.centerline.notification.announce.ReviewAnnouncement) {
            return ReviewAudience.matches(this, n);
        }
        if (Notification.ANNOUNCEMENT.equals(n.eventType())) {
            return (centerCodes.isEmpty() || n.centerCode() == null || centerCodes.contains(n.centerCode()))
                    && (audiences.isEmpty() || n.audiences().isEmpty() || n.audiences().stream().anyMatch(audiences::contains));
        }
        return carries(filerCodes, n.filerCode()) && carries(importerNumbers, n.importerNumber())
                && carries(centerCodes, n.centerCode()) && audiences.isEmpty();
    }

    private static boolean carries(List<String> filter, String value) {
        return filter.isEmpty() || (value != null && filter.contains(value));
    }

    /** The subscription as shown after creation: the webhook secret is never shown again. */
    public Subscription withoutSecret() {
        return new Subscription(id, subscriber, eventTypes, filerCodes, importerNumbers, centerCodes, audiences,
                webhook == null ? null : new Webhook(webhook.url(), null), createdAt, owner);
    }

    /** The same subscription with another webhook (its secrets changed). */
    public Subscription withWebhook(Webhook newWebhook) {
        return new Subscription(id, subscriber, eventTypes, filerCodes, importerNumbers, centerCodes, audiences,
                newWebhook, createdAt, owner);
    }
}
