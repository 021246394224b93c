package org.centerline.web;

import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** Registers {@link MetricNaming} with every meter registry of a service (where Micrometer is present). */
@AutoConfiguration
@ConditionalOnClass(MeterFilter.class)
public class CommonMetrics {

    @Bean
    MeterFilter centerlineMetricNaming() {
        return new MetricNaming();
    }
}
