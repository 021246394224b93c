package org.centerline.contracts.topic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.centerline.contracts.center.Centers;

/**
 * The registry of every Centerline topic, in one place: names, keys, partition counts and configs.
 * Services, the local stack and tests take topic names from here, never from string literals.
 */
public final class Topics {

    private static final Map<String, String> COMPACTED = Map.of("cleanup.policy", "compact");
    /** Filings may be up to 1 MiB of JSON; a bit more is let through so the router can reject it with a reason. */
    private static final Map<String, String> LARGE = Map.of("max.message.bytes", String.valueOf(4 * 1024 * 1024));

    public static final Topic FILED = new Topic("entry-summaries.filed", "entry number", "EntrySummary", 6, LARGE);
    public static final Topic REJECTED = new Topic("entry-summaries.rejected",
            "entry number, or the key the filing was published with", "Rejection", 3, Map.of());
    public static final Topic ROUTED = new Topic("entry-summaries.routed", "entry number", "RoutingDecision", 6, Map.of());
    public static final Topic STATUS = new Topic("entry-summaries.status", "entry number", "StatusChanged", 6, Map.of());
    public static final Topic IMPORTER_ASSIGNMENTS = new Topic("importer-assignments", "importer number",
            "ImporterAssignment", 3, COMPACTED);
    public static final Topic CENTER_STAFFING = new Topic("center-staffing", "Center code", "StaffingRoster", 1, COMPACTED);
    /** One partition, kept forever: the CSMS-style numbers are derived from the order of this log. */
    public static final Topic CENTER_ANNOUNCEMENTS = new Topic("center-announcements", "announcement id",
            "Announcement", 1, Map.of("retention.ms", "-1"));
    public static final Topic NOTIFICATION_SUBSCRIPTIONS = new Topic("notification-subscriptions", "subscription id",
            "Subscription", 1, COMPACTED);
    /** Parked deliveries; as many partitions as {@code notifications}, since a dead letter keeps its partition and key. */
    public static final Topic NOTIFICATIONS_DEAD_LETTER = new Topic("notifications.dead-letter", "subscription id",
            "failed delivery", 6, Map.of());

    /**
     * Claims and decisions for center-service, keyed by Center code so that all commands of one Center
     * are applied in order by one task (exactly one of two competing claims wins). Internal to
     * center-service; co-partitioned with its by-Center repartition topic.
     */
    public static final Topic CENTER_COMMANDS = new Topic("center-service.commands", "Center code", "CenterCommand",
            10, Map.of());

    /**
     * The partition of {@link #CENTER_COMMANDS} (and of center-service's by-Center repartition topic)
     * for a Center: one per Center, by its place in the reference data. The default hash partitioner
     * would put the ten codes on only six of the ten partitions.
     */
    public static int centerCommandPartition(String centerCode) {
        int index = Centers.all().indexOf(Centers.get(centerCode));
        return index % CENTER_COMMANDS.partitions();
    }

    /** Webhook deliveries to make, keyed by subscription id (notification-service; retried on its retry topics). */
    public static final Topic NOTIFICATIONS = new Topic("notifications", "subscription id", "Delivery", 6, Map.of());

    /** The delivery retry topics, one per back-off step ({@code notifications-retry-0} ... {@code -3}). */
    public static final int NOTIFICATION_RETRY_TOPICS = 4;

    /** The state of every delivery (pending, retrying, delivered, dead), latest per delivery id. */
    public static final Topic NOTIFICATIONS_DELIVERY_STATUS = new Topic("notifications.delivery-status", "delivery id",
            "DeliveryStatus", 3, COMPACTED);

    /**
     * workload-service's per-Center totals (backlog, decisions), one record per Center and counting task
     * (key {@code CENTER/partition}), latest wins. Internal to workload-service: every instance reads it
     * as a global table, so any instance answers for every Center.
     */
    public static final Topic WORKLOAD_CENTER_TOTALS = new Topic("workload-service.center-totals",
            "CENTER/partition", "CenterTotals", 3, COMPACTED);

    /**
     * workload-service's windowed counts (hourly; per day and HTS heading for the what-if), one record per
     * window and counting task, latest wins; tombstoned after the retention. Internal to workload-service,
     * read by every instance as a global table.
     */
    public static final Topic WORKLOAD_WINDOW_COUNTS = new Topic("workload-service.window-counts",
            "H/CENTER/epochHour/partition or D/CENTER/epochDay/heading/partition", "WindowCount", 6, COMPACTED);

    /**
     * The dead deliveries only, latest state per delivery id (the DEAD status, with the delivery), so listing the dead
     * letters does not read every delivery; a redelivery writes a tombstone. Internal to notification-service.
     */
    public static final Topic NOTIFICATIONS_DEAD_LETTER_INDEX = new Topic("notifications.dead-letter-index", "delivery id",
            "DeliveryStatus", 3, COMPACTED);

    /**
     * workload-service's regular rebalancing review (every {@code centerline.workload.review.every}, a week by default):
     * one record per review, key the review id (the start of the reviewed period, {@code 2026-11-30T00:00:00Z}), so a
     * repeat replaces itself. A contract topic, not internal (notification-service announces each to Center directors), but its numbers are for directors, ops and admin.
     */
    public static final Topic REBALANCING_REVIEWS = new Topic("rebalancing-reviews", "review id (period start)",
            "RebalancingReview", 1, COMPACTED);

    /** Partitions of each Center's topic. */
    public static final int CENTER_TOPIC_PARTITIONS = 3;

    private static final List<Topic> ALL;

    static {
        List<Topic> all = new ArrayList<>(List.of(FILED, REJECTED, ROUTED, STATUS, IMPORTER_ASSIGNMENTS, CENTER_STAFFING,
                CENTER_ANNOUNCEMENTS, NOTIFICATION_SUBSCRIPTIONS, NOTIFICATIONS_DEAD_LETTER, CENTER_COMMANDS));
        all.add(NOTIFICATIONS);
        all.add(NOTIFICATIONS_DELIVERY_STATUS);
        all.add(WORKLOAD_CENTER_TOTALS);
        all.add(WORKLOAD_WINDOW_COUNTS);
        all.add(NOTIFICATIONS_DEAD_LETTER_INDEX);
        all.add(REBALANCING_REVIEWS);
        for (int i = 0; i < NOTIFICATION_RETRY_TOPICS; i++) {
            all.add(new Topic(NOTIFICATIONS.name() + "-retry-" + i, "subscription id", "Delivery", NOTIFICATIONS.partitions(),
                    Map.of()));
        }
        Centers.all().forEach(c -> all.add(center(c.code())));
        ALL = Collections.unmodifiableList(all);
    }

    private Topics() {
    }

    /** The topic of one Center's queue: {@code centers.<code>.entry-summaries}, code in lower case. */
    public static Topic center(String centerCode) {
        return new Topic(centerTopicName(centerCode), "entry number", "CenterEntry", CENTER_TOPIC_PARTITIONS, Map.of());
    }

    public static String centerTopicName(String centerCode) {
        return "centers." + centerCode.toLowerCase(Locale.ROOT) + ".entry-summaries";
    }

    /** Every topic Centerline uses, in a stable order. */
    public static List<Topic> all() {
        return ALL;
    }
}
