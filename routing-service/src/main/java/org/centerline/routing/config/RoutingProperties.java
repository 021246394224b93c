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
 * @param catchUpTimeout how long start-up waits for the importer assignments to be read before routing begins
 * @param sendTimeout how long an HTTP filing waits for Kafka to acknowledge it
 * @param ledgerRetention how long the routing ledger remembers an entry number's outcome and Center (GET .../routing,
 *                        re-filings): the 300-day correction window plus margin
 * @param ledgerPruneEvery how often each ledger partition deletes a slice of values past the retention
 * @param ledgerPruneSlice how many entry numbers of a partition each pruning pass looks at: a whole partition of n entry
 *                         numbers is looked through every n / slice x every (6 partitions of 6.7 million entries at
 *                         1,000 a second: under two hours)
 * @param applicationId the Kafka Streams application id: consumer group of the instances that share
 *                      {@code entry-summaries.filed}, and prefix of the ledger's changelog and repartition topics
 * @param groupInstanceId static group membership of this instance: a restarted instance takes its partitions back at once
 * @param standbyReplicas warm copies of each ledger partition kept by other instances (for fail-over without restoring)
 * @param consumer kafka-clients settings of the filed-topic consumer (on top of {@code spring.kafka.*})
 * @param producer kafka-clients settings of the transactional producer that writes the routing results
 * @param streams further Kafka Streams settings (on top of the service's)
 */
@ConfigurationProperties("centerline.routing")
public record RoutingProperties(
        String bootstrapServers,
        @DefaultValue("1048576") int maxFilingBytes,
        Resource htsTable,
        @DefaultValue("120s") Duration catchUpTimeout,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("400d") Duration ledgerRetention,
        @DefaultValue("1s") Duration ledgerPruneEvery,
        @DefaultValue("1000") int ledgerPruneSlice,
        @DefaultValue("routing-service") String applicationId,
        String groupInstanceId,
        @DefaultValue("1") int standbyReplicas,
        Map<String, String> consumer,
        Map<String, String> producer,
        Map<String, String> streams) {

    public RoutingProperties {
        consumer = consumer == null ? Map.of() : Map.copyOf(consumer);
        producer = producer == null ? Map.of() : Map.copyOf(producer);
        streams = streams == null ? Map.of() : Map.copyOf(streams);
    }
}
