package org.centerline.notification.source;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.centerline.contracts.event.RoutingDecision;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.notification.delivery.Dispatcher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code entry.routed} for partner government agencies: every routing decision on
 * {@code entry-summaries.routed} that names partner agencies ({@code partnerAgencies}) becomes a
 * notification carrying the decision; only the agencies it names hear of it
 * ({@link org.centerline.notification.subscription.AgencyRouting}). Decisions naming no agency (most) are
 * not dispatched at all. Its own consumer group, so it neither slows nor reorders the other sources;
 * at least once, with stable delivery ids, as they are.
 */
@Component
public class RoutedEntrySource {


    private final Dispatcher dispatcher;

    public RoutedEntrySource(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @KafkaListener(id = "notification-routed-entries", groupId = "notification-service-routed",
            containerFactory = "sourcesContainerFactory",
            topics = "#{T(org.centerline.contracts.topic.Topics).ROUTED.name()}")
    public void onRecord(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        NotificationSources.dispatch(record, RoutedEntrySource::toNotification, dispatcher);
    }

    /** The notification of one decision, or null when it names no partner agency. */
    static Notification toNotification(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        RoutingDecision d = CenterlineJson.mapper().readValue(record.value(), RoutingDecision.class);
        if (d.partnerAgencies() == null || d.partnerAgencies().isEmpty()) {
            return null;
        }
        String source = record.topic() + "/" + record.partition() + "/" + record.offset();
        java.time.Instant at = d.routedAt() != null ? d.routedAt() : java.time.Instant.ofEpochMilli(record.timestamp());
        return new Notification(source, Notification.ENTRY_ROUTED, at, d.filerCode(), d.importerNumber(), d.centerCode(),
                List.of(), d);
    }
}
