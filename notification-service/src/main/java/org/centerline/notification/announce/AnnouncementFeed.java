package org.centerline.notification.announce;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.topic.Topics;
import org.centerline.notification.state.TopicBackedState;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Every announcement in order, with its number: {@code YY-NNNNNN} where NNNNNN counts the year's
 * announcements in the order of the one-partition topic. Any instance reading the same log gives
 * the same numbers, so numbering needs no counter of its own.
 */
@Component
public class AnnouncementFeed extends TopicBackedState {

    private final List<NumberedAnnouncement> all = new ArrayList<>();
    private final Map<String, NumberedAnnouncement> byId = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> countByYear = new HashMap<>();

    public AnnouncementFeed(ConsumerFactory<?, ?> consumers) {
        super("announcements", consumers, Topics.CENTER_ANNOUNCEMENTS.name());
    }

    @Override
    protected synchronized void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return;
        }
        Announcement a = CenterlineJson.mapper().readValue(record.value(), Announcement.class);
        NumberedAnnouncement numbered = NumberedAnnouncement.of(a, number(a));
        all.add(numbered);
        byId.put(a.id(), numbered);
    }

    /** The next number of the announcement's year (UTC), in log order. */
    private String number(Announcement a) {
        int year = a.publishedAt().atZone(ZoneOffset.UTC).getYear();
        int n = countByYear.merge(year, 1, Integer::sum);
        return String.format("%02d-%06d", year % 100, n);
    }

    public Optional<NumberedAnnouncement> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Newest first. */
    public synchronized List<NumberedAnnouncement> newestFirst(int limit) {
        List<NumberedAnnouncement> copy = new ArrayList<>(all);
        java.util.Collections.reverse(copy);
        return copy.subList(0, Math.min(limit, copy.size()));
    }

    /** Waits until the announcement with this id has been read (so its number is known). */
    public Optional<NumberedAnnouncement> await(String id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<NumberedAnnouncement> found = find(id);
            if (found.isPresent()) {
                return found;
            }
            Thread.sleep(10);
        }
        return Optional.empty();
    }




}
