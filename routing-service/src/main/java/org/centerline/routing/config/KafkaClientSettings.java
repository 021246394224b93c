package org.centerline.routing.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.centerline.contracts.topic.TopicTail;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * What Spring builds from {@code spring.kafka.*} (security protocol, {@code ssl.*}, SASL and any other
 * {@code spring.kafka.properties.*}), for the Kafka clients routing-service makes itself: without this
 * class its clients (the filed-topic loop's consumer and producer, the HTTP producer, the state loader's
 * topic readers) would connect in plain text to a broker that wants SASL/TLS.
 * The service's own settings (brokers, client id, serializers, ...) always win.
 */
public final class KafkaClientSettings {

    /** Chosen per client by the service; a {@code spring.kafka.*} value must not replace them. */
    private static final Set<String> PER_CLIENT = Set.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
            CommonClientConfigs.CLIENT_ID_CONFIG, CommonClientConfigs.GROUP_ID_CONFIG,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ProducerConfig.TRANSACTIONAL_ID_CONFIG,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);

    private final Map<String, Object> producer;
    private final Map<String, Object> consumer;
    private final Map<String, Object> streams;

    public KafkaClientSettings(KafkaProperties spring) {
        this.producer = shared(spring.buildProducerProperties());
        this.consumer = shared(spring.buildConsumerProperties());
        Map<String, Object> streams = new HashMap<>(shared(spring.buildStreamsProperties()));
        streams.remove("application.id");
        // Exactly-once sets the isolation of its own consumers.
        streams.remove("isolation.level");
        this.streams = Map.copyOf(streams);
    }

    /** Spring's settings for every client of the routing topology (Kafka Streams passes them on to each). */
    public Map<String, Object> streams() {
        return streams;
    }

    private static Map<String, Object> shared(Map<String, Object> built) {
        Map<String, Object> shared = new HashMap<>(built);
        shared.keySet().removeAll(PER_CLIENT);
        return Map.copyOf(shared);
    }

    /** A producer's configuration: Spring's settings, then the service's own on top. */
    public Map<String, Object> producer(Map<String, Object> own) {
        Map<String, Object> config = new HashMap<>(producer);
        config.putAll(own);
        return config;
    }

    /** A consumer's configuration, a {@link TopicTail}'s for one: Spring's settings, then the service's own on top. */
    public Map<String, Object> consumer(Map<String, Object> own) {
        Map<String, Object> config = new HashMap<>(consumer);
        config.putAll(own);
        return config;
    }
}
