package org.centerline.routing.config;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Makes the two Kafka clients of the filed-topic loop: a read_committed consumer in the routing group
 * and the instance's transactional producer. Spring's {@code spring.kafka.*} (security) first, then the
 * settings of {@code centerline.routing.consumer/producer}, then what exactly-once needs, which no
 * setting may change.
 */
final class FiledClients {

    private final Map<String, Object> consumer;
    private final Map<String, Object> producer;

    FiledClients(RoutingProperties properties, KafkaClientSettings kafka) {
        Map<String, Object> c = new HashMap<>(properties.consumer());
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, properties.groupId());
        c.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, properties.groupInstanceId());
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, properties.groupInstanceId() + "-filed");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // A new group starts at the first filing ever kept: starting at the end would skip filings.
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumer = kafka.consumer(c);

        Map<String, Object> p = new HashMap<>(properties.producer());
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, properties.transactionalId());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, properties.transactionalId());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producer = kafka.producer(p);
    }

    Consumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(consumer);
    }

    Producer<byte[], byte[]> producer() {
        return new KafkaProducer<>(producer);
    }
}
