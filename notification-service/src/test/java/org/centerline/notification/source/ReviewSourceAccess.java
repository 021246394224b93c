package org.centerline.notification.source;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** {@link ReviewSource}'s conversion, for tests in other packages. */
public final class ReviewSourceAccess {

    private ReviewSourceAccess() {
    }

    public static Notification toNotification(ConsumerRecord<String, byte[]> record) {
        return ReviewSource.toNotification(record);
    }
}
