package org.centerline.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * @param secretOverlap how long a rotated-out webhook secret keeps signing next to the new one
 * @param secretKeys the keys webhook secrets are encrypted with at rest: key id -> base64 of 32 bytes (AES-256-GCM)
 * @param secretKeyId the key new secrets are encrypted with (may be left out when there is one key)
 * @param statusRetention how long a finished delivery's status (delivered, cancelled) is kept after its last attempt;
 *                        pending, retrying and dead ones are kept until they finish
 */
@ConfigurationProperties("centerline.notification")
public record NotificationProperties(
        List<String> allowedHosts,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout,
        @DefaultValue("10s") Duration stateTimeout,
        @DefaultValue("24h") Duration secretOverlap,
        Map<String, String> secretKeys,
        String secretKeyId,
        @DefaultValue("30d") Duration statusRetention) {

    public NotificationProperties {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        secretKeys = secretKeys == null ? Map.of() : Map.copyOf(secretKeys);
    }
}
