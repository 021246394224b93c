package org.centerline.notification.announce;

import java.time.Instant;
import java.util.List;

/**
 * A Center's message to the trade, CSMS-style, as published on {@code center-announcements} (key: its
 * id). Its number {@code YY-NNNNNN} is not in the record: every reader derives it from the record's
 * place in the topic's single partition, so it is unique and increasing across instances.
 *
 * @param centerCode the Center it comes from; null for all Centers
 */
public record Announcement(int schemaVersion, String id, String centerCode, List<String> audiences, String title,
                           String body, Instant publishedAt) {

    public Announcement {
        audiences = audiences == null ? List.of() : audiences.stream().filter(java.util.Objects::nonNull).toList();
    }
}
