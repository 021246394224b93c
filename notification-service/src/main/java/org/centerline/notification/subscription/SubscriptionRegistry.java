package org.centerline.notification.subscription;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.topic.Topics;
import org.centerline.notification.state.TopicBackedState;
import org.centerline.notification.source.Notification;
import org.centerline.security.Caller;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Every subscription, as the compacted {@code notification-subscriptions} topic says, on every
 * instance: read whole at start (before the listeners run) and followed while running.
 */
@Component
public class SubscriptionRegistry extends TopicBackedState {

    private final Map<String, Subscription> byId = new ConcurrentHashMap<>();
    /**
     * Subscriptions by event type (a subscription without event types is under each), then by the one party
     * attribute it requires: its filer codes, else its importer numbers, else its Centers; the ones requiring none
     * under {@link #ANY}. An entry event is matched against its filer's, importer's and Center's lists and the
     * unscoped ones only, never against every subscription.
     */
    private final Map<String, Map<String, Set<String>>> index = new ConcurrentHashMap<>();
    private static final String ANY = "*";

    public SubscriptionRegistry(ConsumerFactory<?, ?> consumers) {
        super("subscriptions", consumers, Topics.NOTIFICATION_SUBSCRIPTIONS.name());
    }

    @Override
    protected void apply(ConsumerRecord<byte[], byte[]> record) {
        String id = new String(record.key(), StandardCharsets.UTF_8);
        Subscription old = record.value() == null ? byId.remove(id)
                : byId.put(id, CenterlineJson.mapper().readValue(record.value(), Subscription.class));
        if (old != null) {
            keys(old).forEach(k -> index.getOrDefault(k.get(0), Map.of()).getOrDefault(k.get(1), new HashSet<>()).remove(id));
        }
        Subscription now = byId.get(id);
        if (now != null) {
            keys(now).forEach(k -> index.computeIfAbsent(k.get(0), e -> new ConcurrentHashMap<>())
                    .computeIfAbsent(k.get(1), p -> ConcurrentHashMap.newKeySet()).add(id));
        }
    }

    /** Where a subscription is indexed: (event type, party key) pairs. */
    private static List<List<String>> keys(Subscription s) {
        List<String> parties = !s.filerCodes().isEmpty() ? s.filerCodes().stream().map(f -> "f:" + f).toList()
                : !s.importerNumbers().isEmpty() ? s.importerNumbers().stream().map(i -> "i:" + i).toList()
                : !s.centerCodes().isEmpty() ? s.centerCodes().stream().map(c -> "c:" + c).toList()
                : List.of(ANY);
        List<String> types = s.eventTypes().isEmpty() ? Notification.EVENT_TYPES : s.eventTypes();
        List<List<String>> out = new ArrayList<>();
        for (String type : types) {
            for (String party : parties) {
                out.add(List.of(type, party));
            }
        }
        return out;
    }

    public Optional<Subscription> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The subscription, when it exists and the caller may see it: someone else's looks like none. */
    public Optional<Subscription> findFor(String id, Caller caller) {
        return find(id).filter(s -> SubscriptionScope.mayRead(caller, s));
    }

    /** The subscriptions the notification matches, from the index's candidates (each checked in full). */
    public List<Subscription> matching(Notification notification) {
        Map<String, Set<String>> byParty = index.getOrDefault(notification.eventType(), Map.of());
        Set<String> candidates = new LinkedHashSet<>();
        if (Notification.ANNOUNCEMENT.equals(notification.eventType())) {
            // Broadcast: filer and importer filters do not apply to it, so every announcement subscription is a candidate.
            byParty.values().forEach(candidates::addAll);
        } else {
            candidates.addAll(byParty.getOrDefault(ANY, Set.of()));
            if (notification.filerCode() != null) {
                candidates.addAll(byParty.getOrDefault("f:" + notification.filerCode(), Set.of()));
            }
            if (notification.importerNumber() != null) {
                candidates.addAll(byParty.getOrDefault("i:" + notification.importerNumber(), Set.of()));
            }
            if (notification.centerCode() != null) {
                candidates.addAll(byParty.getOrDefault("c:" + notification.centerCode(), Set.of()));
            }
        }
        List<Subscription> out = new ArrayList<>();
        for (String id : candidates) {
            Subscription s = byId.get(id);
            if (s != null && s.matches(notification)) {
                out.add(s);
            }
        }
        return out;
    }

    public int size() {
        return byId.size();
    }
}
