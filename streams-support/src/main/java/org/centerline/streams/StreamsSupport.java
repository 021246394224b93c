package org.centerline.streams;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;

/**
 * Shared by the Kafka Streams services (import it): interactive queries over the local stores, and
 * readiness from the Streams state, and the end of an instance fenced by a duplicate of its id.
 */
@Configuration(proxyBeanMethods = false)
@Import(DuplicateInstanceGuard.Configuration.class)
public class StreamsSupport {

    @Bean
    LocalStores localStores(StreamsBuilderFactoryBean streams) {
        return new LocalStores(new KafkaStreamsInteractiveQueryService(streams));
    }

    /**
     * Ready once the topology has run (stores restored); a later rebalance keeps it ready, since queries
     * retry through it. Before the first RUNNING, the stores are not there to query.
     */
    @Bean
    HealthIndicator kafkaStreams(StreamsBuilderFactoryBean streams) {
        AtomicBoolean hasRun = new AtomicBoolean();
        streams.setStateListener((newState, oldState) -> {
            if (newState == KafkaStreams.State.RUNNING) {
                hasRun.set(true);
            }
        });
        return () -> {
            KafkaStreams kafkaStreams = streams.getKafkaStreams();
            KafkaStreams.State state = kafkaStreams == null ? null : kafkaStreams.state();
            boolean up = state == KafkaStreams.State.RUNNING || (hasRun.get() && state == KafkaStreams.State.REBALANCING);
            return (up ? Health.up() : Health.outOfService()).withDetail("state", String.valueOf(state)).build();
        };
    }

    /**
     * A stream thread that dies of a duplicate id ends the instance (see {@link DuplicateInstanceGuard});
     * any other uncaught failure shuts the client down, as Kafka Streams does by default.
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer duplicateInstanceHandler(DuplicateInstanceGuard guard) {
        return factory -> factory.setStreamsUncaughtExceptionHandler(failure -> {
            guard.onFailure(failure);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    }
}
