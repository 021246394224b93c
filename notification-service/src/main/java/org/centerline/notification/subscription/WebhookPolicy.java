package org.centerline.notification.subscription;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.centerline.notification.NotificationProperties;
import org.springframework.stereotype.Component;

/**
 * Which webhook URLs a subscription may name: http or https, a host and no user info, and a host whose
 * every address is public, so no subscriber can make this service call into its own networks (loopback,
 * private, link-local and cloud metadata, ...: {@link InternalAddresses}). Hosts on
 * {@code centerline.notification.allowed-hosts} are taken whatever they resolve to (the local stack's
 * and the tests' receivers on 127.0.0.1). Checked when subscribing, and again before every call: a name
 * may resolve elsewhere by then, and the list may have changed.
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
        if (properties.allowedHosts().stream().anyMatch(h -> h.equalsIgnoreCase(host) || ("[" + h + "]").equalsIgnoreCase(host))) {
            return Optional.empty();
        }
        // One answer for internal and unknown hosts, and no address in it: the answer must not map internal names.
        if (!resolvesToPublicAddressesOnly(host)) {
            return Optional.of("Host '" + host + "' is not allowed: webhooks go to hosts with public addresses only "
                    + "(this one is internal, or does not resolve).");
        }
        return Optional.empty();
    }

    private static boolean resolvesToPublicAddressesOnly(String host) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            return addresses.length > 0 && Arrays.stream(addresses).noneMatch(InternalAddresses::isInternal);
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }
}
