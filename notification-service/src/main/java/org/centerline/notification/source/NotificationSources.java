package org.centerline.notification.source;

import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.centerline.contracts.event.EntryStatus;
import org.centerline.contracts.entry.EntryNumber;
import org.centerline.contracts.event.Rejection;
import org.centerline.contracts.event.StatusChanged;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.topic.Topics;
import org.centerline.notification.announce.AnnouncementFeed;
import org.centerline.notification.announce.NumberedAnnouncement;
import org.centerline.notification.announce.Announcement;
import org.centerline.notification.delivery.Dispatcher;
import org.slf4j.Logger;
import tools.jackson.core.JacksonException;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns what happens elsewhere into notifications: rejections (to the filer), the review steps that
 * concern the trade (CF-28, CF-29, rejected to filer, accepted: to the filer and the importer), and
 * announcements. One consumer group for all instances: each record is dispatched once (at least once
 * on failures; delivery ids stay the same).
 */
@Component
public class NotificationSources {

    private static final Logger log = LoggerFactory.getLogger(NotificationSources.class);
    private static final Set<EntryStatus> TRADE_STATUSES = Set.of(EntryStatus.CF28_ISSUED, EntryStatus.CF29_ISSUED,
            EntryStatus.REJECTED_TO_FILER, EntryStatus.ACCEPTED);

    private final Dispatcher dispatcher;
    private final AnnouncementFeed feed;

    public NotificationSources(Dispatcher dispatcher, AnnouncementFeed feed) {
        this.dispatcher = dispatcher;
        this.feed = feed;
    }

    @KafkaListener(id = "notification-sources", clientIdPrefix = "${centerline.instance-id}-notification-sources", groupId = "notification-service",
            containerFactory = "sourcesContainerFactory",
            topics = {"#{T(org.centerline.contracts.topic.Topics).REJECTED.name()}",
                    "#{T(org.centerline.contracts.topic.Topics).STATUS.name()}",
                    "#{T(org.centerline.contracts.topic.Topics).CENTER_ANNOUNCEMENTS.name()}"})
    public void onRecord(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        dispatch(record, this::toNotification, dispatcher);
    }

    /** How a source record becomes a notification (null: none). */
    interface Reader {
        Notification read(ConsumerRecord<String, byte[]> record) throws InterruptedException;
    }

    /** Reads a source record and dispatches its notification, for every source listener. */
    static void dispatch(ConsumerRecord<String, byte[]> record, Reader reader, Dispatcher dispatcher) throws InterruptedException {
        dispatch(record, reader, dispatcher::dispatch);
    }

    /** As above, handing the notification to {@code sink} (e.g. {@link Dispatcher#dispatchOnce}). */
    static void dispatch(ConsumerRecord<String, byte[]> record, Reader reader, java.util.function.Consumer<Notification> sink)
            throws InterruptedException {
        Notification notification;
        try {
            notification = reader.read(record);
        } catch (JacksonException e) {
            // Only an unreadable record is skipped; anything else is retried (see the container's error handler).
            log.warn("Skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.toString());
            return;
        }
        if (notification != null) {
            sink.accept(notification);
        }
    }

    /**
     * The filer a rejection may be told to: only when its filer code and its entry number's filer part agree,
     * as routing-service's GET does. A filing with a mistyped or forged filer code (FILER_CODE_MISMATCH), or without a
     * readable entry number, is nobody's: it must not reach the filer it names (its payload is another filer's filing).
     */
    static String filerOf(Rejection r) {
        String filer = r.filerCode();
        String entry = r.entryNumber();
        return filer != null && EntryNumber.hasValidFormat(entry) && entry.startsWith(filer + "-") ? filer : null;
    }

    /** The notification a source record makes, or null when it makes none. */
    public Notification toNotification(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        if (record.value() == null) {
            return null;
        }
        String source = record.topic() + "/" + record.partition() + "/" + record.offset();
        if (record.topic().equals(Topics.REJECTED.name())) {
            Rejection r = CenterlineJson.mapper().readValue(record.value(), Rejection.class);
            return new Notification(source, Notification.ENTRY_REJECTED, at(r.rejectedAt(), record), filerOf(r), null,
                    null, List.of(), r);
        }
        if (record.topic().equals(Topics.STATUS.name())) {
            StatusChanged s = CenterlineJson.mapper().readValue(record.value(), StatusChanged.class);
            if (!TRADE_STATUSES.contains(s.status())) {
                return null;
            }
            String filer = s.filerCode() != null ? s.filerCode()
                    : EntryNumber.parse(s.entryNumber()).map(EntryNumber::filerCode).orElse(null);
            return new Notification(source, Notification.ENTRY_STATUS, at(s.at(), record), filer, s.importerNumber(),
                    s.centerCode(), List.of(), s);
        }
        Announcement a = CenterlineJson.mapper().readValue(record.value(), Announcement.class);
        // The feed numbers announcements as it reads them; wait for it so the notification carries the number.
        NumberedAnnouncement numbered = feed.await(a.id(), java.time.Duration.ofSeconds(30))
                .orElseThrow(() -> new IllegalStateException("Announcement " + a.id() + " not in the feed yet"));
        return new Notification(source, Notification.ANNOUNCEMENT, at(a.publishedAt(), record), null, null, a.centerCode(),
                a.audiences(), numbered);
    }

    /** When it happened: the event's own time, else the record's. */
    private static java.time.Instant at(java.time.Instant eventTime, ConsumerRecord<String, byte[]> record) {
        return eventTime != null ? eventTime : java.time.Instant.ofEpochMilli(record.timestamp());
    }
}
