package org.centerline.center.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.centerline.center.CenterProperties;
import org.centerline.center.queue.CenterQueueProcessor;
import org.centerline.center.streams.CenterPartitioner;
import org.centerline.contracts.center.Center;
import org.centerline.contracts.center.Centers;
import org.centerline.instance.InstanceForwarder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.centerline.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Any instance answers for any Center: a request under {@code /api/centers/{code}} for a Center whose
 * stores another instance owns is forwarded there (found with Kafka Streams metadata and
 * {@link CenterPartitioner}, the partitioner the topology uses, over each instance's
 * {@code application.server}), with the caller's {@code Authorization} and a
 * {@value #FORWARDED_BY} header naming this instance; the owner's answer is returned as it is. A
 * request that was already forwarded is never forwarded again: if this instance is not (or no longer)
 * the owner, it answers 503 with {@code Retry-After}, as it does while the owner is unknown (stores
 * restoring, a rebalance). Runs after the security filter chain, so the caller is authenticated here
 * and again by the owner.
 */
@Component
public class OwnerForwarding extends OncePerRequestFilter {

    public static final String FORWARDED_BY = InstanceForwarder.FORWARDED_BY;
    private static final String PREFIX = "/api/centers/";
    private static final Logger log = LoggerFactory.getLogger(OwnerForwarding.class);

    private final StreamsBuilderFactoryBean streams;
    private final CenterProperties properties;
    private final InstanceForwarder forwarder;
    private final long maxBodyBytes;

    public OwnerForwarding(StreamsBuilderFactoryBean streams, CenterProperties properties,
                           @Value("${centerline.instance-id:unknown}") String instanceId,
                           @Value("${centerline.http.max-body-bytes:65536}") long maxBodyBytes) {
        this.streams = streams;
        this.properties = properties;
        this.forwarder = new InstanceForwarder(instanceId);
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> center = centerOf(request);
        if (center.isEmpty()) {
            chain.doFilter(request, response); // not a Center or not served here: the controllers answer 404
            return;
        }
        HostInfo owner;
        try {
            owner = owner(center.get());
        } catch (RuntimeException e) {
            owner = null;
        }
        if (owner == null) {
            notReady(response, "The owner of " + center.get() + "'s queue is not known yet (stores loading or moving).");
            return;
        }
        if (owner.equals(self())) {
            chain.doFilter(request, response);
            return;
        }
        if (InstanceForwarder.wasForwarded(request)) {
            notReady(response, "Forwarded by " + request.getHeader(FORWARDED_BY) + " but " + center.get()
                    + "'s queue is not served here (it is moving between instances).");
            return;
        }
        forward(owner, request, response);
    }

    /** The Center named by the path, when it is one this instance serves. */
    private Optional<String> centerOf(HttpServletRequest request) {
        String rest = request.getRequestURI().substring(PREFIX.length());
        int slash = rest.indexOf('/');
        String code = slash < 0 ? rest : rest.substring(0, slash);
        return Centers.find(code).map(Center::code).filter(properties.servedCenters()::contains);
    }

    /** The instance whose active task holds the Center's stores, or null while unknown. */
    HostInfo owner(String center) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null || !kafkaStreams.state().isRunningOrRebalancing()) {
            return null;
        }
        KeyQueryMetadata metadata = kafkaStreams.queryMetadataForKey(CenterQueueProcessor.ITEMS, center,
                CenterPartitioner.<Void>of());
        if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE) || metadata.activeHost() == null
                || metadata.activeHost().port() < 0) {
            return null;
        }
        return metadata.activeHost();
    }

    private HostInfo self() {
        return HostInfo.buildFromEndpoint(streams.getStreamsConfiguration().getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG));
    }

    private void forward(HostInfo owner, HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1)); // the owner answers 413 beyond
        }
        Optional<InstanceForwarder.Answer> answer = forwarder.forward(owner.host(), owner.port(), request, body,
                properties.forwardTimeout());
        if (answer.isEmpty()) {
            log.debug("Forwarding {} {} to {} failed", request.getMethod(), request.getRequestURI(), owner);
            notReady(response, "The instance that owns this Center's queue did not answer; try again in a few seconds.");
            return;
        }
        answer.get().writeTo(response, forwarder.instanceId());
    }

    private static void notReady(HttpServletResponse response, String detail) throws IOException {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Problems.RETRY_AFTER_SECONDS);
        Problems.write(response, Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, CenterProblems.QUEUES_NOT_READY,
                CenterProblems.QUEUES_NOT_READY_TITLE, detail), headers);
    }
}
