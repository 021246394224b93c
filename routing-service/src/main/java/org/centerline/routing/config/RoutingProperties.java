package org.centerline.routing.config;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Settings of routing-service ({@code centerline.routing.*}).
 *
 * @param bootstrapServers the Kafka brokers of every client of the service
 * @param maxFilingBytes the largest filing accepted; larger ones are rejected with PAYLOAD_TOO_LARGE (the largest HTTP
 *                       body taken at all is {@code centerline.http.max-body-bytes})
 * @param htsTable an HTS -> Center table file to use instead of the one shipped in contracts
 * @param catchUpTimeout how long start-up waits for assignments and the ledger to be read before routing begins
 * @param sendTimeout how long an HTTP filing waits for Kafka to acknowledge it
 * @param ledgerOutcomes how many entry numbers' latest routing record or rejection are kept for GET .../routing
 * @param ledgerRoutes how many entry numbers' last Center are kept to recognise re-filings (size it to the re-filing window)
 * @param groupId consumer group of the instances that share {@code entry-summaries.filed}
 * @param groupInstanceId static group membership of this instance: a restarted instance takes its partitions back at once
 * @param transactionalId this instance's transactional id, stable across restarts so a restart fences its predecessor
 * @param consumer kafka-clients settings of the filed-topic consumer (on top of {@code spring.kafka.*})
 * @param producer kafka-clients settings of the transactional producer that writes the routing results
 */
@ConfigurationProperties("centerline.routing")
public record RoutingProperties(
        String bootstrapServers,
        @DefaultValue("1048576") int maxFilingBytes,
        Resource htsTable,
        @DefaultValue("120s") Duration catchUpTimeout,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("200000") int ledgerOutcomes,
        @DefaultValue("1000000") int ledgerRoutes,
        @DefaultValue("routing-service") String groupId,
        String groupInstanceId,
        String transactionalId,
        Map<String, String> consumer,
        Map<String, String> producer) {

    public RoutingProperties {
        consumer = consumer == null ? Map.of() : Map.copyOf(consumer);
        producer = producer == null ? Map.of() : Map.copyOf(producer);
    }
}
