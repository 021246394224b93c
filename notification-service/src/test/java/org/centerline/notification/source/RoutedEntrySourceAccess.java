package org.centerline.notification.source;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Lets tests of other packages turn a routed record into its notification. */
public final class RoutedEntrySourceAccess {

    private RoutedEntrySourceAccess() {
    }

    public static Notification toNotification(ConsumerRecord<String, byte[]> record) {
        return RoutedEntrySource.toNotification(record);
    }
}
