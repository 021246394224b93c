package org.centerline.notification.subscription;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.centerline.notification.NotificationProperties;
import org.springframework.stereotype.Component;

/**
 * Which webhook URLs a subscription may name: http or https, to a host on the allow-list, no user
 * info. Checked when subscribing, and again before every call (the list may have changed).
 */
@Component
public class WebhookPolicy {

    private final NotificationProperties properties;

    public WebhookPolicy(NotificationProperties properties) {
        this.properties = properties;
    }

    /** Why the URL is refused, or empty when it is allowed. */
    public Optional<String> refuse(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.of("webhook.url is not a URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("webhook.url must be http or https.");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Optional.of("webhook.url must name a host and no user info.");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (properties.allowedHosts().stream().noneMatch(h -> h.equalsIgnoreCase(host))) {
            return Optional.of("Host '" + host + "' is not on this service's webhook allow-list.");
        }
        return Optional.empty();
    }
}
