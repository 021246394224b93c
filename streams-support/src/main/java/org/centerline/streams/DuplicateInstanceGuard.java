package org.centerline.streams;

import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Ends an instance that another instance with the same {@code centerline.instance-id} has fenced.
 *
 * <p>Two instances sharing an id share a {@code group.instance.id} (and transactional ids): each join
 * fences the other, which rejoins and fences back, for ever. Kafka tells the fenced one
 * ({@link FencedInstanceIdException}; a producer fencing is not taken for a duplicate, since exactly-once
 * also fences a zombie thread or a timed-out transaction, which Kafka Streams recovers from by itself); this guard then logs what to change, marks liveness BROKEN and, unless
 * {@code centerline.instance.exit-on-duplicate=false}, exits with status 78 (EX_CONFIG) so an orchestrator
 * shows a configuration fault rather than a crash loop. The newer instance keeps running.
 */
public final class DuplicateInstanceGuard {

    /** The exit status of an instance ended by a duplicate id: sysexits' EX_CONFIG. */
    public static final int EXIT_STATUS = 78;

    private static final Logger log = LoggerFactory.getLogger(DuplicateInstanceGuard.class);

    private final ConfigurableApplicationContext context;
    private final String instanceId;
    private final boolean exit;

    public DuplicateInstanceGuard(ConfigurableApplicationContext context, String instanceId, boolean exit) {
        this.context = context;
        this.instanceId = instanceId;
        this.exit = exit;
    }

    /** Whether {@code failure} (or a cause of it) says another instance took this one's identity. */
    public static boolean isFenced(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof FencedInstanceIdException) {
                return true;
            }
        }
        return false;
    }

    /** Acts on a failure if it is a fencing by a duplicate; returns whether it was one. */
    public boolean onFailure(Throwable failure) {
        if (!isFenced(failure)) {
            return false;
        }
        log.error("Another instance runs with centerline.instance-id={} and has fenced this one ({}). "
                + "Give every instance its own centerline.instance-id (unset, it is <host>-<port>). "
                + "This instance {}.", instanceId, failure.toString(), exit ? "exits with status " + EXIT_STATUS : "stops working");
        AvailabilityChangeEvent.publish(context, LivenessState.BROKEN);
        if (exit) {
            Thread stopper = new Thread(() -> System.exit(SpringApplication.exit(context, () -> EXIT_STATUS)),
                    "duplicate-instance-exit");
            stopper.setDaemon(false);
            stopper.start();
        }
        return true;
    }

    /** The guard as a bean, for every service that runs Kafka clients with an instance identity (import it). */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        DuplicateInstanceGuard duplicateInstanceGuard(ConfigurableApplicationContext context,
                @Value("${centerline.instance-id}") String instanceId,
                @Value("${centerline.instance.exit-on-duplicate:true}") boolean exit) {
            return new DuplicateInstanceGuard(context, instanceId, exit);
        }
    }
}
