package org.centerline.workload;

import org.centerline.security.CenterlineSecurity;
import org.centerline.streams.StreamsSupport;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** workload-service: each Center's workload, the staffing model, rebalance recommendations and what-if. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import({StreamsSupport.class, CenterlineSecurity.class})
public class WorkloadApplication {

    public static void main(String[] args) {
        SpringApplication.run(WorkloadApplication.class, args);
    }
}
