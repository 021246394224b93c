package org.centerline.center;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.centerline.security.CenterlineSecurity;
import org.centerline.streams.StreamsSupport;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** center-service: each Center's work queue, specialist assignment and review decisions, as events. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import({StreamsSupport.class, CenterlineSecurity.class})
public class CenterApplication {

    public static void main(String[] args) {
        SpringApplication.run(CenterApplication.class, args);
    }
}
