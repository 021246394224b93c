package org.centerline.notification;

import org.centerline.security.CenterlineSecurity;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** notification-service: subscriptions, Center announcements, and signed webhook and live-stream delivery. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(CenterlineSecurity.class)
public class NotificationApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationApplication.class, args);
    }
}
