package org.centerline.contracts.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.centerline.contracts.center.Center;
import org.centerline.contracts.center.Centers;
import org.junit.jupiter.api.Test;

/** The topic registry against CONTRACT.md and DESIGN.md. */
class TopicsTest {

    private static List<String> names() {
        return Topics.all().stream().map(Topic::name).toList();
    }

    @Test
    void tenCenterTopicsInLowerCase() {
        List<String> centerTopics = names().stream().filter(n -> n.startsWith("centers.")).toList();

        assertThat(centerTopics).hasSize(10).allMatch(n -> n.matches("centers\\.[a-z]{3}\\.entry-summaries"));
        assertThat(centerTopics).containsExactlyInAnyOrder("centers.agr.entry-summaries", "centers.aft.entry-summaries",
                "centers.aut.entry-summaries", "centers.bme.entry-summaries", "centers.cpm.entry-summaries",
                "centers.ele.entry-summaries", "centers.imm.entry-summaries", "centers.mac.entry-summaries",
                "centers.png.entry-summaries", "centers.phc.entry-summaries");
        for (Center center : Centers.all()) {
            assertThat(Topics.centerTopicName(center.code())).isEqualTo(
                    "centers." + center.code().toLowerCase(Locale.ROOT) + ".entry-summaries");
        }
        assertThat(Topics.centerTopicName("ELE")).isEqualTo(Topics.centerTopicName("ele"));
    }

    @Test
    void namesAreUnique() {
        // 10 contract topics, center-service's commands, notification-service's 7 delivery topics (with the dead-letter
        // index), workload-service's 2 published-count topics and its reviews, 10 Center topics.
        assertThat(names()).doesNotHaveDuplicates().hasSize(30);
    }

    @Test
    void theContractsTopicsAreThere() {
        assertThat(names()).contains("entry-summaries.filed", "entry-summaries.rejected", "entry-summaries.routed",
                "entry-summaries.status", "importer-assignments", "center-staffing", "center-announcements",
                "notification-subscriptions", "notifications.dead-letter", "center-service.commands", "notifications",
                "notifications.delivery-status", "notifications-retry-0", "notifications-retry-1", "notifications-retry-2",
                "notifications-retry-3");
        assertThat(Topics.FILED.name()).isEqualTo("entry-summaries.filed");
        assertThat(Topics.ROUTED.name()).isEqualTo("entry-summaries.routed");
        assertThat(Topics.REJECTED.name()).isEqualTo("entry-summaries.rejected");
    }

    @Test
    void compactedTopicsAreTheOnesDesignMdSays() {
        assertThat(Topics.all().stream().filter(Topic::compacted).map(Topic::name))
                .containsExactlyInAnyOrder("importer-assignments", "center-staffing", "notification-subscriptions",
                        "notifications.delivery-status", "notifications.dead-letter-index",
                        "workload-service.center-totals", "workload-service.window-counts", "rebalancing-reviews");
    }

    @Test
    void everyTopicHasPartitionsAndAKey() {
        for (Topic topic : Topics.all()) {
            assertThat(topic.partitions()).as(topic.name()).isPositive();
            assertThat(topic.key()).as(topic.name()).isNotBlank();
        }
    }

    @Test
    void eventsAboutOneEntryAreKeyedByEntryNumber() {
        for (Topic topic : List.of(Topics.FILED, Topics.ROUTED, Topics.STATUS, Topics.REJECTED, Topics.center("ELE"))) {
            assertThat(topic.key()).as(topic.name()).startsWith("entry number");
        }
        assertThat(Topics.IMPORTER_ASSIGNMENTS.key()).isEqualTo("importer number");
    }

    @Test
    void centerServiceCommandsAreKeyedByCenterCodeOnTenPartitions() {
        assertThat(Topics.CENTER_COMMANDS.name()).isEqualTo("center-service.commands");
        assertThat(Topics.CENTER_COMMANDS.key()).isEqualTo("Center code");
        assertThat(Topics.CENTER_COMMANDS.value()).isEqualTo("CenterCommand");
        assertThat(Topics.CENTER_COMMANDS.partitions()).isEqualTo(10);
        assertThat(Topics.CENTER_COMMANDS.compacted()).as("commands are a log, not a table").isFalse();
        assertThat(Topics.CENTER_COMMANDS.configs()).isEmpty();
        assertThat(Topics.all()).containsOnlyOnce(Topics.CENTER_COMMANDS);
    }

    @Test
    void centerStaffingIsACompactedRosterPerCenter() {
        assertThat(Topics.CENTER_STAFFING.name()).isEqualTo("center-staffing");
        assertThat(Topics.CENTER_STAFFING.key()).isEqualTo("Center code");
        assertThat(Topics.CENTER_STAFFING.value()).isEqualTo("StaffingRoster");
        assertThat(Topics.CENTER_STAFFING.compacted()).isTrue();
    }

    @Test
    void theFiledTopicLetsALittleMoreThanOneMebibyteThrough() {
        assertThat(Integer.parseInt(Topics.FILED.configs().get("max.message.bytes"))).isGreaterThan(1024 * 1024);
    }

    @Test
    void centerAnnouncementsAreOnePartitionKeptForever() {
        assertThat(Topics.CENTER_ANNOUNCEMENTS.name()).isEqualTo("center-announcements");
        assertThat(Topics.CENTER_ANNOUNCEMENTS.partitions()).as("the numbers follow the order of the log").isEqualTo(1);
        assertThat(Topics.CENTER_ANNOUNCEMENTS.configs()).containsExactlyEntriesOf(Map.of("retention.ms", "-1"));
        assertThat(Topics.CENTER_ANNOUNCEMENTS.compacted()).isFalse();
    }

    @Test
    void onlyTheFiledAndAnnouncementTopicsHaveConfigsBesidesCompaction() {
        for (Topic topic : Topics.all()) {
            Map<String, String> configs = new HashMap<>(topic.configs());
            configs.remove("cleanup.policy");
            if (topic.equals(Topics.FILED)) {
                assertThat(configs).containsOnlyKeys("max.message.bytes");
            } else if (topic.equals(Topics.CENTER_ANNOUNCEMENTS)) {
                assertThat(configs).containsOnlyKeys("retention.ms");
            } else {
                assertThat(configs).as(topic.name()).isEmpty();
            }
        }
    }

    @Test
    void notificationsAreDeliveriesKeyedBySubscriptionOnSixPartitions() {
        assertThat(Topics.NOTIFICATIONS.name()).isEqualTo("notifications");
        assertThat(Topics.NOTIFICATIONS.key()).isEqualTo("subscription id");
        assertThat(Topics.NOTIFICATIONS.value()).isEqualTo("Delivery");
        assertThat(Topics.NOTIFICATIONS.partitions()).isEqualTo(6);
        assertThat(Topics.NOTIFICATIONS.configs()).isEmpty();
        assertThat(Topics.all()).containsOnlyOnce(Topics.NOTIFICATIONS);
    }

    @Test
    void fourRetryTopicsLikeTheNotificationsTopic() {
        List<Topic> retries = Topics.all().stream().filter(t -> t.name().startsWith("notifications-retry-")).toList();

        assertThat(Topics.NOTIFICATION_RETRY_TOPICS).isEqualTo(4);
        assertThat(retries).extracting(Topic::name).containsExactly("notifications-retry-0", "notifications-retry-1",
                "notifications-retry-2", "notifications-retry-3");
        for (Topic retry : retries) {
            // A retried delivery keeps its key and partition count, so one subscriber's deliveries stay together.
            assertThat(retry.key()).as(retry.name()).isEqualTo(Topics.NOTIFICATIONS.key());
            assertThat(retry.value()).as(retry.name()).isEqualTo("Delivery");
            assertThat(retry.partitions()).as(retry.name()).isEqualTo(Topics.NOTIFICATIONS.partitions());
            assertThat(retry.configs()).as(retry.name()).isEmpty();
        }
    }

    @Test
    void rebalancingReviewsAreOneCompactedPartitionByReviewId() {
        assertThat(Topics.REBALANCING_REVIEWS.name()).isEqualTo("rebalancing-reviews");
        assertThat(Topics.REBALANCING_REVIEWS.key()).startsWith("review id");
        assertThat(Topics.REBALANCING_REVIEWS.value()).isEqualTo("RebalancingReview");
        assertThat(Topics.REBALANCING_REVIEWS.partitions()).isEqualTo(1);
        assertThat(Topics.REBALANCING_REVIEWS.compacted()).isTrue();
        assertThat(Topics.all()).containsOnlyOnce(Topics.REBALANCING_REVIEWS);
    }

    @Test
    void deliveryStatusIsACompactedTableByDeliveryId() {
        assertThat(Topics.NOTIFICATIONS_DELIVERY_STATUS.name()).isEqualTo("notifications.delivery-status");
        assertThat(Topics.NOTIFICATIONS_DELIVERY_STATUS.key()).isEqualTo("delivery id");
        assertThat(Topics.NOTIFICATIONS_DELIVERY_STATUS.value()).isEqualTo("DeliveryStatus");
        assertThat(Topics.NOTIFICATIONS_DELIVERY_STATUS.partitions()).isEqualTo(3);
        assertThat(Topics.NOTIFICATIONS_DELIVERY_STATUS.compacted()).isTrue();
        // A dead letter keeps the delivery's key and partition, so it has as many partitions as the deliveries.
        assertThat(Topics.NOTIFICATIONS_DEAD_LETTER.key()).isEqualTo(Topics.NOTIFICATIONS.key());
        assertThat(Topics.NOTIFICATIONS_DEAD_LETTER.partitions()).isEqualTo(Topics.NOTIFICATIONS.partitions());
    }
}
