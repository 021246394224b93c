package org.centerline.notification.stream;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/**
 * A position in the live stream's sources: for each partition of each source topic, the offset of the next
 * record (everything before it was seen). The SSE {@code id:} of every event is its position, written
 * {@code <topic index>-<partition>-<offset>} joined by {@code .} (topic index in {@link LiveFeed#TOPICS}), so a
 * client reconnecting with {@code Last-Event-ID} tells any instance exactly where to resume.
 */
public record Positions(Map<TopicPartition, Long> next) {

    public Positions {
        next = Map.copyOf(next);
    }

    public String encode(List<String> topics) {
        StringBuilder out = new StringBuilder();
        next.entrySet().stream()
                .sorted(java.util.Comparator.comparing((Map.Entry<TopicPartition, Long> e) -> topics.indexOf(e.getKey().topic()))
                        .thenComparing(e -> e.getKey().partition()))
                .forEach(e -> {
                    if (!out.isEmpty()) {
                        out.append('.');
                    }
                    out.append(topics.indexOf(e.getKey().topic())).append('-').append(e.getKey().partition()).append('-')
                            .append(e.getValue());
                });
        return out.toString();
    }

    /** The position a {@code Last-Event-ID} names; empty when it is not one. */
    public static Optional<Positions> decode(String id, List<String> topics) {
        if (id == null || id.isBlank() || id.length() > 4096) {
            return Optional.empty();
        }
        Map<TopicPartition, Long> next = new HashMap<>();
        try {
            for (String part : id.strip().split("\\.")) {
                String[] f = part.split("-");
                if (f.length != 3) {
                    return Optional.empty();
                }
                int topic = Integer.parseInt(f[0]);
                long offset = Long.parseLong(f[2]);
                if (topic < 0 || topic >= topics.size() || offset < 0) {
                    return Optional.empty();
                }
                next.put(new TopicPartition(topics.get(topic), Integer.parseInt(f[1])), offset);
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(new Positions(next));
    }

    /** Per partition, the later of the two. */
    public Positions max(Positions other) {
        Map<TopicPartition, Long> out = new HashMap<>(next);
        other.next.forEach((tp, o) -> out.merge(tp, o, Math::max));
        return new Positions(out);
    }

    public long of(TopicPartition tp) {
        return next.getOrDefault(tp, 0L);
    }
}
