package org.centerline.center;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.centerline.contracts.center.Center;
import org.centerline.contracts.center.Centers;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of center-service ({@code centerline.center.*}).
 *
 * @param centers the Centers this instance serves (default: all ten); one instance per Center works too
 * @param seedRoster publish the shipped roster for each served Center that has none on {@code center-staffing} yet
 * @param commandTimeout how long a claim or decision waits for its outcome
 * @param closedRetention how long a closed item is kept after it closed (then deleted, with tombstones)
 * @param pruneEvery how often closed items past the retention are deleted
 * @param pruneBatch at most this many items deleted per run (per task)
 * @param forwardTimeout how long a request forwarded to the instance that owns the Center may take
 */
@ConfigurationProperties("centerline.center")
public record CenterProperties(
        List<String> centers,
        @DefaultValue("false") boolean seedRoster,
        @DefaultValue("10s") Duration commandTimeout,
        @DefaultValue("400d") Duration closedRetention,
        @DefaultValue("1m") Duration pruneEvery,
        @DefaultValue("1000") int pruneBatch,
        @DefaultValue("15s") Duration forwardTimeout) {

    @ConstructorBinding
    public CenterProperties {
    }

    /** The defaults for everything but the Centers, the seeding and the command timeout. */
    public CenterProperties(List<String> centers, boolean seedRoster, Duration commandTimeout) {
        this(centers, seedRoster, commandTimeout, Duration.ofDays(400), Duration.ofMinutes(1), 1000, Duration.ofSeconds(15));
    }

    /** The served Center codes, upper case, validated against the reference data. */
    public Set<String> servedCenters() {
        if (centers == null || centers.isEmpty()) {
            return Centers.all().stream().map(Center::code).collect(Collectors.toUnmodifiableSet());
        }
        return centers.stream().map(c -> Centers.get(c.trim().toUpperCase(Locale.ROOT)).code())
                .collect(Collectors.toUnmodifiableSet());
    }
}
