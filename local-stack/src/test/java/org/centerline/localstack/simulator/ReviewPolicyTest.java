package org.centerline.localstack.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.centerline.contracts.event.Decision;
import org.centerline.localstack.simulator.CenterApi.Specialist;
import org.centerline.localstack.simulator.CenterApi.WorkItem;
import org.junit.jupiter.api.Test;

/** The specialists' habits alone: no API, no clock, a seeded Random. */
class ReviewPolicyTest {

    private static final List<Specialist> ON_DUTY = List.of(new Specialist("ele-is-01", "One", "IMPORT_SPECIALIST", true),
            new Specialist("ele-is-02", "Two", "IMPORT_SPECIALIST", true));

    /** Queues from a map "STATUS" or "STATUS/specialist" to items; records which pages were read. */
    private static final class MapQueues implements ReviewPolicy.Queues {
        final Map<String, List<WorkItem>> pages = new HashMap<>();
        final List<String> read = new ArrayList<>();

        MapQueues put(String key, WorkItem... items) {
            pages.put(key, List.of(items));
            return this;
        }

        @Override
        public List<WorkItem> items(String status, String specialistId) {
            String key = specialistId == null ? status : status + "/" + specialistId;
            read.add(key);
            return pages.getOrDefault(key, List.of());
        }
    }

    private static WorkItem item(String entry, String status, String specialistId) {
        return new WorkItem(entry, "ELE", status, specialistId);
    }

    @Test
    void sharesAddUpAndTheDrawFollowsThem() {
        assertThat(ReviewPolicy.HABITS.values().stream().mapToInt(ReviewPolicy.Habit::percent).sum()).isEqualTo(100);
        ReviewPolicy policy = new ReviewPolicy(new Random(42));
        Map<Decision, Integer> counts = new EnumMap<>(Decision.class);
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            ReviewPolicy.Verdict v = policy.verdict();
            assertThat(ReviewPolicy.HABITS.get(v.action()).reasons()).contains(v.reason());
            counts.merge(v.action(), 1, Integer::sum);
        }
        ReviewPolicy.HABITS.forEach((d, habit) ->
                assertThat(counts.getOrDefault(d, 0) / (double) n).isCloseTo(habit.percent() / 100.0, within(0.01)));
    }

    @Test
    void sameSeedSameChoices() {
        ReviewPolicy a = new ReviewPolicy(new Random(7));
        ReviewPolicy b = new ReviewPolicy(new Random(7));
        for (int i = 0; i < 50; i++) {
            assertThat(a.verdict()).isEqualTo(b.verdict());
            assertThat(a.answerACf28Now()).isEqualTo(b.answerACf28Now());
            assertThat(a.cf28Answer()).isEqualTo(b.cf28Answer());
        }
    }

    @Test
    void answeredCf28GoesBackToItsReviewerWhenOnDuty() {
        MapQueues q = new MapQueues().put("CF28_ANSWERED", item("A-1", "CF28_ANSWERED", "ele-is-02"))
                .put("QUEUED", item("Q-1", "QUEUED", null));
        ReviewPolicy.Pick pick = new ReviewPolicy(new Random(1)).pick(ON_DUTY, q);
        assertThat(pick.item().entryNumber()).isEqualTo("A-1");
        assertThat(pick.specialistId()).isEqualTo("ele-is-02");
        assertThat(q.read).containsExactly("CF28_ANSWERED");
    }

    @Test
    void answeredCf28OfSomeoneOffDutyGoesToTheChosenSpecialist() {
        MapQueues q = new MapQueues().put("CF28_ANSWERED", item("A-1", "CF28_ANSWERED", "ele-is-09"));
        ReviewPolicy.Pick pick = new ReviewPolicy(new Random(1)).pick(ON_DUTY, q);
        assertThat(pick.specialistId()).isIn("ele-is-01", "ele-is-02");
    }

    @Test
    void ownAssignedThenOthersAssignedOnDutyThenQueued() {
        // own ASSIGNED item, whoever is chosen
        MapQueues own = new MapQueues().put("ASSIGNED/ele-is-01", item("O-1", "ASSIGNED", "ele-is-01"))
                .put("ASSIGNED/ele-is-02", item("O-2", "ASSIGNED", "ele-is-02"));
        ReviewPolicy.Pick p = new ReviewPolicy(new Random(3)).pick(ON_DUTY, own);
        assertThat(p.item().specialistId()).isEqualTo(p.specialistId());

        // nobody's own: the first ASSIGNED item whose specialist is on duty, taken by that specialist
        MapQueues others = new MapQueues().put("ASSIGNED", item("X-1", "ASSIGNED", "ele-is-09"),
                item("X-2", "ASSIGNED", "ele-is-02"));
        p = new ReviewPolicy(new Random(3)).pick(ON_DUTY, others);
        assertThat(p.item().entryNumber()).isEqualTo("X-2");
        assertThat(p.specialistId()).isEqualTo("ele-is-02");

        // only off-duty ASSIGNED items: the first QUEUED one
        MapQueues queued = new MapQueues().put("ASSIGNED", item("X-1", "ASSIGNED", "ele-is-09"))
                .put("QUEUED", item("Q-1", "QUEUED", null), item("Q-2", "QUEUED", null));
        p = new ReviewPolicy(new Random(3)).pick(ON_DUTY, queued);
        assertThat(p.item().entryNumber()).isEqualTo("Q-1");
        assertThat(p.specialistId()).isIn("ele-is-01", "ele-is-02");
        assertThat(queued.read).hasSize(4).startsWith("CF28_ANSWERED").endsWith("QUEUED");

        // nothing anywhere
        assertThat(new ReviewPolicy(new Random(3)).pick(ON_DUTY, new MapQueues())).isNull();
    }
}
