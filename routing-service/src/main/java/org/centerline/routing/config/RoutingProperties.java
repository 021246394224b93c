package org.centerline.routing.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Settings of routing-service ({@code centerline.routing.*}).
 *
 * @param bootstrapServers Kafka for the service's own clients (state readers, HTTP filings); the binder's brokers by default
 * @param maxFilingBytes the largest filing accepted; larger ones are rejected with PAYLOAD_TOO_LARGE (the largest HTTP
 *                       body taken at all is {@code centerline.http.max-body-bytes})
 * @param htsTable an HTS -> Center table file to use instead of the one shipped in contracts
 * @param catchUpTimeout how long start-up waits for assignments and the ledger to be read before routing begins
 * @param sendTimeout how long an HTTP filing waits for Kafka to acknowledge it
 * @param ledgerOutcomes how many entry numbers' latest routing record or rejection are kept for GET .../routing
 * @param ledgerRoutes how many entry numbers' last Center are kept to recognise re-filings (size it to the re-filing window)
 */
@ConfigurationProperties("centerline.routing")
public record RoutingProperties(
        String bootstrapServers,
        @DefaultValue("1048576") int maxFilingBytes,
        Resource htsTable,
        @DefaultValue("120s") Duration catchUpTimeout,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("200000") int ledgerOutcomes,
        @DefaultValue("1000000") int ledgerRoutes) {
}
