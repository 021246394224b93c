package org.centerline.notification.announce;

import java.time.Instant;
import java.util.List;

/** An announcement with its CSMS-style number, as the feed and notifications show it. */
public record NumberedAnnouncement(String id, String number, String centerCode, List<String> audiences, String title,
                                   String body, Instant publishedAt) {

    static NumberedAnnouncement of(Announcement a, String number) {
        return new NumberedAnnouncement(a.id(), number, a.centerCode(), a.audiences(), a.title(), a.body(), a.publishedAt());
    }
}
