package org.centerline.center;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.centerline.contracts.center.Center;
import org.centerline.contracts.center.Centers;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of center-service ({@code centerline.center.*}).
 *
 * @param centers the Centers this instance serves (default: all ten); one instance per Center works too
 * @param seedRoster publish the shipped roster for each served Center that has none on {@code center-staffing} yet
 * @param commandTimeout how long a claim or decision waits for its outcome
 */
@ConfigurationProperties("centerline.center")
public record CenterProperties(
        List<String> centers,
        @DefaultValue("false") boolean seedRoster,
        @DefaultValue("10s") Duration commandTimeout) {

    /** The served Center codes, upper case, validated against the reference data. */
    public Set<String> servedCenters() {
        if (centers == null || centers.isEmpty()) {
            return Centers.all().stream().map(Center::code).collect(Collectors.toUnmodifiableSet());
        }
        return centers.stream().map(c -> Centers.get(c.trim().toUpperCase(Locale.ROOT)).code())
                .collect(Collectors.toUnmodifiableSet());
    }
}
