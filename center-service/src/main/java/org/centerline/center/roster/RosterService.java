package org.centerline.center.roster;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.centerline.contracts.center.ReferenceTable;
import org.centerline.contracts.event.Specialist;
import org.centerline.contracts.event.SpecialistRole;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The shipped seed roster. Rosters themselves change through {@code center-service.commands}: the
 * Center's queue task applies each change and publishes the result on {@code center-staffing}
 * (center-service is its only writer).
 */
@Component
public class RosterService {

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
