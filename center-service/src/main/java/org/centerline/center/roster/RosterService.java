package org.centerline.center.roster;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.centerline.contracts.center.ReferenceTable;
import org.centerline.contracts.event.Specialist;
import org.centerline.contracts.event.SpecialistRole;
import org.centerline.contracts.event.StaffingRoster;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.topic.Topics;
import org.springframework.core.io.ClassPathResource;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes Center rosters to the compacted {@code center-staffing} topic (center-service is its only
 * writer): one specialist added, changed or removed at a time, and the shipped seed roster.
 */
@Component
public class RosterService {

    private final KafkaTemplate<String, byte[]> kafka;
    private final Clock clock;

    public RosterService(KafkaTemplate<String, byte[]> kafka, Clock clock) {
        this.kafka = kafka;
        this.clock = clock;
    }

    /** The roster with the specialist added or replaced (by id). */
    public StaffingRoster upsert(StaffingRoster current, String centerCode, Specialist specialist) {
        List<Specialist> specialists = new ArrayList<>(current == null ? List.of() : current.specialists());
        specialists.removeIf(s -> s.id().equals(specialist.id()));
        specialists.add(specialist);
        specialists.sort(java.util.Comparator.comparing(Specialist::id));
        return publish(StaffingRoster.of(centerCode, specialists, clock.instant()));
    }

    public StaffingRoster remove(StaffingRoster current, String centerCode, String specialistId) {
        List<Specialist> specialists = new ArrayList<>(current.specialists());
        specialists.removeIf(s -> s.id().equals(specialistId));
        return publish(StaffingRoster.of(centerCode, specialists, clock.instant()));
    }

    public StaffingRoster publish(StaffingRoster roster) {
        try {
            kafka.send(Topics.CENTER_STAFFING.name(), roster.centerCode(), CenterlineJson.mapper().writeValueAsBytes(roster))
                    .get(10, TimeUnit.SECONDS);
            return roster;
        } catch (Exception e) {
            throw new KafkaException("Could not write the roster of " + roster.centerCode() + " to Kafka", e);
        }
    }

    /** The shipped seed roster ({@code roster-seed.table}), by Center code. */
    public Map<String, List<Specialist>> seed() throws IOException {
        Map<String, List<Specialist>> byCenter = new LinkedHashMap<>();
        try (InputStream in = new ClassPathResource("roster-seed.table").getInputStream()) {
            for (String[] c : ReferenceTable.parse(in)) {
                List<Integer> specialties = c[4].isEmpty() ? List.of()
                        : Arrays.stream(c[4].split(",")).map(String::strip).map(Integer::valueOf).toList();
                byCenter.computeIfAbsent(c[0], k -> new ArrayList<>()).add(new Specialist(c[1], c[2],
                        SpecialistRole.valueOf(c[3]), specialties, c[5].equals("on")));
            }
        }
        return byCenter;
    }
}
