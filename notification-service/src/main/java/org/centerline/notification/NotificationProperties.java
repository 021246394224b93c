package org.centerline.notification;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of notification-service ({@code centerline.notification.*}).
 *
 * @param allowedHosts webhook hosts taken although they are (or resolve to) internal addresses: exact host names or IP
 *                     literals, none by default; any other host must resolve to public addresses only
 * @param connectTimeout webhook connect timeout
 * @param readTimeout webhook answer timeout
 * @param stateTimeout how long an HTTP write waits for the service's own view of Kafka to show it
 */
@ConfigurationProperties("centerline.notification")
public record NotificationProperties(
        List<String> allowedHosts,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout,
        @DefaultValue("10s") Duration stateTimeout) {

    public NotificationProperties {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    }
}
