package org.centerline.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.centerline.notification.source.Notification;
import org.junit.jupiter.api.Test;

/** Who hears what: entry events only reach the parties they name; announcements are broadcast. */
class SubscriptionMatchingTest {

    private static final Notification REJECTION = new Notification("s/0/1", Notification.ENTRY_REJECTED, Instant.EPOCH,
            "ABC", null, null, List.of(), "data");
    private static final Notification CF28 = new Notification("s/0/2", Notification.ENTRY_STATUS, Instant.EPOCH,
            "ABC", "12-3456789AB", "ELE", List.of(), "data");
    private static final Notification ELE_NOTICE = new Notification("s/0/3", Notification.ANNOUNCEMENT, Instant.EPOCH,
            null, null, "ELE", List.of("Automated Broker Interface"), "data");
    private static final Notification ALL_CENTERS = new Notification("s/0/4", Notification.ANNOUNCEMENT, Instant.EPOCH,
            null, null, null, List.of(), "data");

    private static Subscription subscription(List<String> types, List<String> filers, List<String> importers,
                                             List<String> centers, List<String> audiences) {
        return new Subscription("id", "who", types, filers, importers, centers, audiences, null, Instant.EPOCH, null);
    }

    @Test
    void aFilerHearsOfItsOwnEntriesOnlyAndOfAnnouncements() {
        Subscription abc = subscription(null, List.of("ABC"), null, null, null);
        Subscription xyz = subscription(null, List.of("XYZ"), null, null, null);
        assertThat(abc.matches(REJECTION)).isTrue();
        assertThat(abc.matches(CF28)).isTrue();
        assertThat(abc.matches(ELE_NOTICE)).isTrue();
        assertThat(xyz.matches(REJECTION)).isFalse();
        assertThat(xyz.matches(CF28)).isFalse();
        assertThat(xyz.matches(ALL_CENTERS)).isTrue();
    }

    @Test
    void aFilterAnEntryEventDoesNotCarryNeverLetsItThrough() {
        // A rejection names no importer and no Center: an importer's or a Center's subscription must not see it.
        assertThat(subscription(null, null, List.of("12-3456789AB"), null, null).matches(REJECTION)).isFalse();
        assertThat(subscription(null, null, null, List.of("ELE"), null).matches(REJECTION)).isFalse();
        assertThat(subscription(null, null, List.of("12-3456789AB"), null, null).matches(CF28)).isTrue();
        assertThat(subscription(null, null, null, List.of("ELE"), null).matches(CF28)).isTrue();
        assertThat(subscription(null, null, null, null, List.of("Partner Government Agencies")).matches(CF28)).isFalse();
    }

    @Test
    void announcementsReachTheirCenterAndAudienceOrEveryoneWhenForAll() {
        Subscription ele = subscription(List.of(Notification.ANNOUNCEMENT), null, null, List.of("ELE"), null);
        Subscription mac = subscription(List.of(Notification.ANNOUNCEMENT), null, null, List.of("MAC"), null);
        Subscription agencies = subscription(null, null, null, null, List.of("Partner Government Agencies"));
        assertThat(ele.matches(ELE_NOTICE)).isTrue();
        assertThat(mac.matches(ELE_NOTICE)).isFalse();
        assertThat(mac.matches(ALL_CENTERS)).isTrue();
        assertThat(agencies.matches(ELE_NOTICE)).isFalse();
        assertThat(agencies.matches(ALL_CENTERS)).isTrue();
        assertThat(ele.matches(CF28)).as("event type filter").isFalse();
    }

    @Test
    void theSecretIsNeverShownAfterCreation() {
        Subscription withSecret = new Subscription("id", "who", null, null, null, null, null,
                new Subscription.Webhook("http://localhost/x", "0123456789abcdef"), Instant.EPOCH, null);
        assertThat(withSecret.withoutSecret().webhook().secret()).isNull();
        assertThat(withSecret.withoutSecret().webhook().url()).isEqualTo("http://localhost/x");
    }
}
