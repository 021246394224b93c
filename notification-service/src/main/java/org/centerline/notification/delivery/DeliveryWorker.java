package org.centerline.notification.delivery;

import java.nio.ByteBuffer;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.notification.subscription.Subscription;
import org.centerline.notification.subscription.SubscriptionRegistry;
import org.centerline.notification.subscription.WebhookPolicy;
import org.springframework.kafka.annotation.BackOff;
import org.springframework.kafka.annotation.DltHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.RetryableTopic;
import org.springframework.kafka.retrytopic.SameIntervalTopicReuseStrategy;
import org.springframework.kafka.retrytopic.TopicSuffixingStrategy;
import org.springframework.stereotype.Component;

/**
 * Makes webhook deliveries. A failed attempt goes to the next retry topic with exponential back-off
 * and jitter ({@code notifications-retry-0..3}), so a failing subscriber never holds up others; after
 * the last attempt the delivery is parked on {@code notifications.dead-letter} until redelivered.
 */
@Component
public class DeliveryWorker {

    /** The header where spring-kafka counts attempts on the retry topics. */
    private static final String ATTEMPTS = "retry_topic-attempts";

    private final SubscriptionRegistry subscriptions;
    private final WebhookSender sender;
    private final WebhookPolicy policy;
    private final DeliveryLedger ledger;
    private final DeliveryMetrics metrics;
    private final Clock clock;

    public DeliveryWorker(SubscriptionRegistry subscriptions, WebhookSender sender, WebhookPolicy policy,
                          DeliveryLedger ledger, DeliveryMetrics metrics, Clock clock) {
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.policy = policy;
        this.ledger = ledger;
        this.metrics = metrics;
        this.clock = clock;
    }

    @RetryableTopic(attempts = "5",
            backOff = @BackOff(delayString = "${centerline.notification.retry.initial-delay-ms}",
                    multiplierString = "${centerline.notification.retry.multiplier}",
                    maxDelayString = "${centerline.notification.retry.max-delay-ms}",
                    jitterString = "${centerline.notification.retry.jitter-ms}"),
            autoCreateTopics = "false",
            retryTopicSuffix = "-retry", dltTopicSuffix = ".dead-letter",
            topicSuffixingStrategy = TopicSuffixingStrategy.SUFFIX_WITH_INDEX_VALUE,
            sameIntervalTopicReuseStrategy = SameIntervalTopicReuseStrategy.MULTIPLE_TOPICS)
    // Few records a poll: each can take a webhook's full timeout, and the poll interval must not run out.
    @KafkaListener(id = "notification-deliveries", clientIdPrefix = "${centerline.instance-id}-notification-deliveries", topics = "#{T(org.centerline.contracts.topic.Topics).NOTIFICATIONS.name()}",
            groupId = "notification-deliveries", concurrency = "${centerline.notification.delivery-concurrency:6}",
            properties = "max.poll.records=10")
    public void deliver(ConsumerRecord<String, byte[]> record) {
        Delivery delivery = CenterlineJson.mapper().readValue(record.value(), Delivery.class);
        int attempt = attempt(record);
        Subscription subscription = subscriptions.find(delivery.subscriptionId()).orElse(null);
        if (subscription == null) {
            // Deleted, or created on another instance and not read here yet: retried; cancelled if it never shows.
            ledger.record(delivery, DeliveryStatus.State.RETRYING, attempt, "No such subscription (yet)");
            throw new DeliveryFailedException(delivery.deliveryId(), "no such subscription");
        }
        String refusal = policy.refuse(subscription.webhook().url()).orElse(null);
        WebhookSender.Outcome outcome = refusal != null ? new WebhookSender.Outcome(-1, refusal)
                : sender.send(subscription, delivery);
        if (outcome.delivered()) {
            ledger.record(delivery, DeliveryStatus.State.DELIVERED, attempt, null);
            if (delivery.occurredAt() != null) {
                metrics.delivered(delivery.eventType(), delivery.occurredAt(), clock.instant());
            }
            return;
        }
        ledger.record(delivery, DeliveryStatus.State.RETRYING, attempt, outcome.error());
        metrics.failed(delivery.eventType(), false);
        throw new DeliveryFailedException(delivery.deliveryId(), outcome.error());
    }

    @DltHandler
    public void dead(ConsumerRecord<String, byte[]> record) {
        Delivery delivery = CenterlineJson.mapper().readValue(record.value(), Delivery.class);
        String lastError = lastError(delivery.deliveryId(), record);
        // On the dead-letter topic the attempts header already counts the attempt that will never be made.
        int attempts = Math.max(1, attempt(record) - 1);
        if (subscriptions.find(delivery.subscriptionId()).isEmpty()) {
            ledger.record(delivery, DeliveryStatus.State.CANCELLED, attempts, "The subscription was deleted");
            return;
        }
        ledger.record(delivery, DeliveryStatus.State.DEAD, attempts, lastError);
        metrics.failed(delivery.eventType(), true);
    }

    /** The last attempt's error, as the delivery's state says, else as the dead-letter record's header does. */
    private String lastError(String deliveryId, ConsumerRecord<String, byte[]> record) {
        try {
            String recorded = ledger.find(deliveryId).map(DeliveryStatus::lastError).orElse(null);
            if (recorded != null) {
                return recorded;
            }
        } catch (RuntimeException e) {
            // the store is not available: the header will do
        }
        Header header = record.headers().lastHeader("kafka_dlt-exception-message");
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int attempt(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(ATTEMPTS);
        if (header == null) {
            return 1;
        }
        byte[] value = header.value();
        return value.length == Integer.BYTES ? ByteBuffer.wrap(value).getInt() : Integer.parseInt(new String(value));
    }

    /** A webhook answered other than 2xx, or not at all: the delivery is retried. */
    public static class DeliveryFailedException extends RuntimeException {
        public DeliveryFailedException(String deliveryId, String why) {
            super("Delivery " + deliveryId + " failed: " + why);
        }
    }
}
