package org.centerline.center.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.centerline.contracts.event.Specialist;
import org.centerline.contracts.event.SpecialistRole;
import org.centerline.contracts.event.StaffingRoster;
import org.junit.jupiter.api.Test;

class SpecialistAssignerTest {

    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    static Specialist importSpec(String id, boolean onDuty, Integer... chapters) {
        return new Specialist(id, "Name " + id, SpecialistRole.IMPORT_SPECIALIST, List.of(chapters), onDuty);
    }

    static Specialist entrySpec(String id, boolean onDuty, Integer... chapters) {
        return new Specialist(id, "Name " + id, SpecialistRole.ENTRY_SPECIALIST, List.of(chapters), onDuty);
    }

    static Specialist drawback(String id, boolean onDuty, Integer... chapters) {
        return new Specialist(id, "Name " + id, SpecialistRole.DRAWBACK_SPECIALIST, List.of(chapters), onDuty);
    }

    static StaffingRoster roster(Specialist... specialists) {
        return StaffingRoster.of("ELE", List.of(specialists), AT);
    }

    static Optional<String> chosen(StaffingRoster roster, int chapter, Map<String, Double> load) {
        return SpecialistAssigner.choose(roster, chapter, load).map(Specialist::id);
    }

    @Test
    void theChapterSpecialistIsPreferredEvenWhenBusier() {
        StaffingRoster r = roster(importSpec("a-generalist", true), importSpec("z-expert", true, 84, 85));
        assertThat(chosen(r, 85, Map.of("z-expert", 40.0))).contains("z-expert");
    }

    @Test
    void entrySpecialistsCountAsChapterSpecialistsToo() {
        StaffingRoster r = roster(importSpec("a-generalist", true), entrySpec("b-entry", true, 85));
        assertThat(chosen(r, 85, Map.of())).contains("b-entry");
    }

    @Test
    void withoutAChapterSpecialistAnyOnDutyReviewerGetsIt() {
        StaffingRoster r = roster(importSpec("s1", true, 84), entrySpec("s2", true, 90));
        assertThat(chosen(r, 85, Map.of("s1", 3.0, "s2", 1.0))).contains("s2");
        assertThat(chosen(r, 85, Map.of("s1", 1.0, "s2", 3.0))).contains("s1");
    }

    @Test
    void anOffDutyChapterSpecialistFallsBackToAnOnDutyGeneralist() {
        StaffingRoster r = roster(importSpec("expert", false, 85), importSpec("generalist", true));
        assertThat(chosen(r, 85, Map.of())).contains("generalist");
    }

    @Test
    void theLeastOpenPointsComeFirstAmongChapterSpecialists() {
        StaffingRoster r = roster(importSpec("e1", true, 85), importSpec("e2", true, 85), importSpec("e3", true, 85),
                importSpec("generalist", true));
        assertThat(chosen(r, 85, Map.of("e1", 5.0, "e2", 2.5, "e3", 4.0))).contains("e2");
        // Someone with no entry in the load map has zero open points.
        assertThat(chosen(r, 85, Map.of("e1", 5.0, "e2", 2.5))).contains("e3");
    }

    @Test
    void tiesGoToTheLowerId() {
        StaffingRoster r = roster(importSpec("s3", true), importSpec("s1", true), importSpec("s2", true));
        assertThat(chosen(r, 85, Map.of())).contains("s1");
        assertThat(chosen(r, 85, Map.of("s1", 1.0, "s2", 1.0, "s3", 1.0))).contains("s1");
        assertThat(chosen(r, 85, Map.of("s1", 1.5, "s2", 1.0, "s3", 1.0))).contains("s2");
    }

    @Test
    void offDutyStaffAreNeverChosen() {
        StaffingRoster r = roster(importSpec("s1", false, 85), entrySpec("s2", false));
        assertThat(chosen(r, 85, Map.of())).isEmpty();
    }

    @Test
    void drawbackSpecialistsAreNeverChosenEvenAsChapterSpecialistsOrLeastLoaded() {
        StaffingRoster r = roster(drawback("a-drawback", true, 85), importSpec("z-import", true));
        assertThat(chosen(r, 85, Map.of("z-import", 100.0))).contains("z-import");
        assertThat(chosen(roster(drawback("only", true, 85)), 85, Map.of())).isEmpty();
    }

    @Test
    void anEmptyOrMissingRosterChoosesNobody() {
        assertThat(SpecialistAssigner.choose(null, 85, Map.of())).isEmpty();
        assertThat(chosen(roster(), 85, Map.of())).isEmpty();
        assertThat(chosen(new StaffingRoster(1, "ELE", null, null, null, AT), 85, Map.of())).isEmpty();
    }
}
