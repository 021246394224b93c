package org.centerline.center.roster;

import java.util.List;
import java.util.Map;
import org.centerline.center.CenterProperties;
import org.centerline.center.web.QueueStores;
import org.centerline.contracts.event.Specialist;
import org.centerline.contracts.event.StaffingRoster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** On the local stack: gives each served Center that has no roster on Kafka yet the shipped seed roster. */
@Component
public class RosterSeeder {

    private static final Logger log = LoggerFactory.getLogger(RosterSeeder.class);

    private final CenterProperties properties;
    private final RosterService rosters;
    private final QueueStores stores;

    public RosterSeeder(CenterProperties properties, RosterService rosters, QueueStores stores) {
        this.properties = properties;
        this.rosters = rosters;
        this.stores = stores;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seed() throws Exception {
        if (!properties.seedRoster()) {
            return;
        }
        Map<String, List<Specialist>> seed = rosters.seed();
        for (String center : properties.servedCenters()) {
            if (stores.roster(center).isEmpty() && seed.containsKey(center)) {
                rosters.publish(StaffingRoster.of(center, seed.get(center), java.time.Instant.now()));
                log.info("Seeded the roster of {} with {} specialists", center, seed.get(center).size());
            }
        }
    }
}
