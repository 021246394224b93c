package org.centerline.center.roster;

import java.util.List;
import java.util.Map;
import org.centerline.center.CenterProperties;
import org.centerline.center.web.CenterCommands;
import org.centerline.contracts.event.Specialist;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On the local stack: gives each served Center that has no roster yet the shipped seed roster, as a
 * {@code SEED_ROSTER} command that the Center's task applies only when it has none (so any number of
 * instances may send it).
 */
@Component
public class RosterSeeder {

    private static final Logger log = LoggerFactory.getLogger(RosterSeeder.class);

    private final CenterProperties properties;
    private final RosterService rosters;
    private final CenterCommands commands;

    public RosterSeeder(CenterProperties properties, RosterService rosters, CenterCommands commands) {
        this.properties = properties;
        this.rosters = rosters;
        this.commands = commands;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seed() throws Exception {
        if (!properties.seedRoster()) {
            return;
        }
        Map<String, List<Specialist>> seed = rosters.seed();
        for (String center : properties.servedCenters()) {
            if (seed.containsKey(center)) {
                commands.seedRoster(center, seed.get(center));
                log.info("Asked to seed the roster of {} with {} specialists (applied if it has none)", center,
                        seed.get(center).size());
            }
        }
    }
}
