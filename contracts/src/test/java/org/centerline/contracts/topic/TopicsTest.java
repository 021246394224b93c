package org.centerline.contracts.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
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
        assertThat(names()).doesNotHaveDuplicates().hasSize(20);
    }

    @Test
    void theContractsTopicsAreThere() {
        assertThat(names()).contains("entry-summaries.filed", "entry-summaries.rejected", "entry-summaries.routed",
                "entry-summaries.status", "importer-assignments", "center-staffing", "center-announcements",
                "notification-subscriptions", "notifications.dead-letter", "center-service.commands");
        assertThat(Topics.FILED.name()).isEqualTo("entry-summaries.filed");
        assertThat(Topics.ROUTED.name()).isEqualTo("entry-summaries.routed");
        assertThat(Topics.REJECTED.name()).isEqualTo("entry-summaries.rejected");
    }

    @Test
    void compactedTopicsAreTheOnesDesignMdSays() {
        assertThat(Topics.all().stream().filter(Topic::compacted).map(Topic::name))
                .containsExactlyInAnyOrder("importer-assignments", "center-staffing", "notification-subscriptions");
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
}
