package org.centerline.center.web;

import java.util.List;
import org.centerline.contracts.event.Specialist;
import org.centerline.contracts.event.SpecialistRole;
import org.centerline.contracts.event.StaffingRoster;
import org.centerline.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Center's roster: who is on staff, in which role, with which specialties, and who is on duty.
 * Its staff read it; only its director changes it ({@link CenterAccess}). A change is a command on
 * {@code center-service.commands}, applied by the Center's task to the roster the previous change left,
 * so two changes made at the same time both survive.
 */
@RestController
@RequestMapping("/api/centers/{code}")
public class RosterController {

    /** The body of a PUT: everything about one specialist but the id (in the path). */
    public record SpecialistRequest(String name, SpecialistRole role, List<Integer> specialties, Boolean onDuty) {
    }

    private final QueueStores stores;
    private final CenterCommands commands;
    private final ServedCenters centers;

    public RosterController(QueueStores stores, CenterCommands commands, ServedCenters centers) {
        this.stores = stores;
        this.commands = commands;
        this.centers = centers;
    }

    @GetMapping("/roster")
    public StaffingRoster roster(@PathVariable String code) {
        return current(centers.resolve(code));
    }

    private StaffingRoster current(String center) {
        return stores.roster(center).orElse(StaffingRoster.of(center, List.of(), null));
    }

    @PutMapping("/specialists/{id}")
    public StaffingRoster put(@PathVariable String code, @PathVariable String id, @RequestBody SpecialistRequest body) {
        String center = centers.resolve(code);
        if (body == null || body.name() == null || body.name().isBlank() || body.role() == null) {
            throw Problems.error(HttpStatus.BAD_REQUEST, "invalid-specialist", "Invalid specialist",
                    "name and role (IMPORT_SPECIALIST, ENTRY_SPECIALIST or DRAWBACK_SPECIALIST) are required.");
        }
        if (body.specialties() != null && body.specialties().stream().anyMatch(c -> c == null || c < 1 || c > 99)) {
            throw Problems.error(HttpStatus.BAD_REQUEST, "invalid-specialist", "Invalid specialist",
                    "specialties are HTS chapters, 1 to 99.");
        }
        Specialist specialist = new Specialist(id, body.name().strip(), body.role(), body.specialties(),
                body.onDuty() == null || body.onDuty());
        commands.putSpecialist(center, specialist);
        return current(center);
    }

    @DeleteMapping("/specialists/{id}")
    public StaffingRoster remove(@PathVariable String code, @PathVariable String id) {
        String center = centers.resolve(code);
        stores.roster(center).filter(r -> r.specialists().stream().anyMatch(s -> s.id().equals(id)))
                .orElseThrow(() -> Problems.error(HttpStatus.NOT_FOUND, "not-found", "No such specialist",
                        id + " is not on " + center + "'s roster."));
        commands.removeSpecialist(center, id);
        return current(center);
    }

}
