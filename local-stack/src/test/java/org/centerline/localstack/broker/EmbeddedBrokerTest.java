package org.centerline.localstack.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.centerline.contracts.topic.Topic;
import org.centerline.contracts.topic.Topics;
import org.centerline.localstack.topics.TopicCreator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The real broker on free ports with a temp data dir: registry topics, auto-create off, data kept over a restart. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedBrokerTest {

    @TempDir
    static Path dir;
    private EmbeddedBroker broker;

    @BeforeAll
    void startBroker() throws IOException {
        int[] ports = freePorts();
        broker = new EmbeddedBroker(dir.resolve("kafka-data"), ports[0], ports[1]);
        broker.start();
        assertThat(broker.formatted()).isTrue();
        assertThat(dir.resolve("kafka-data").resolve("meta.properties")).isRegularFile();
        try (Admin admin = admin()) {
            TopicCreator.Result first = TopicCreator.ensure(admin, Topics.all());
            assertThat(first.created()).hasSize(Topics.all().size());
        }
    }

    @AfterAll
    void stopBroker() {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void everyRegistryTopicExistsWithItsPartitionsAndConfigs() throws Exception {
        try (Admin admin = admin()) {
            TopicCreator.Result again = TopicCreator.ensure(admin, Topics.all());
            assertThat(again.created()).isEmpty();
            assertThat(again.existing()).hasSize(Topics.all().size());

            List<String> names = Topics.all().stream().map(Topic::name).toList();
            Map<String, Integer> partitions = TopicCreator.partitions(admin, names);
            Map<String, Integer> expected = Topics.all().stream().collect(Collectors.toMap(Topic::name, Topic::partitions));
            assertThat(partitions).isEqualTo(expected);
            assertThat(partitions).containsKey("centers.ele.entry-summaries");

            List<ConfigResource> resources = Topics.all().stream()
                    .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name())).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
            for (Topic t : Topics.all()) {
                Config c = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, t.name()));
                t.configs().forEach((k, v) -> assertThat(c.get(k).value()).as(t.name() + " " + k).isEqualTo(v));
            }
        }
    }

    @Test
    void brokerDoesNotAutoCreateTopics() throws Exception {
        String unknown = "not-in-the-registry";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_500), new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(unknown, "k", "v")).get(10, TimeUnit.SECONDS))
                    .hasStackTraceContaining("not present in metadata");
        }
        try (Admin admin = admin()) {
            assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).doesNotContain(unknown);
        }
    }

    @Test
    void aSecondBrokerOnTheSamePortsOrDataIsRefusedWithAMessage() throws IOException {
        int port = Integer.parseInt(broker.bootstrapServers().substring("localhost:".length()));
        EmbeddedBroker samePorts = new EmbeddedBroker(dir.resolve("other-data"), port, freePorts()[0]);
        assertThatThrownBy(samePorts::start).hasMessageContaining("Kafka port (--kafka-port) " + port + " on localhost is in use");
        int[] other = freePorts();
        EmbeddedBroker sameData = new EmbeddedBroker(dir.resolve("kafka-data"), other[0], other[1]);
        assertThatThrownBy(sameData::start).hasMessageContaining("already using " + dir.resolve("kafka-data"));
        assertThat(dir.resolve("other-data")).doesNotExist();
    }

    @Test
    void restartKeepsProducedRecords() throws Exception {
        String key = "ABC-1234567-6";
        String value = "{\"entryNumber\":\"" + key + "\",\"restart\":" + System.nanoTime() + "}";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.FILED.name(), key, value)).get(10, TimeUnit.SECONDS);
        }

        broker.stop();
        broker.start();
        assertThat(broker.formatted()).isFalse();

        assertThat(readAll(Topics.FILED.name())).contains(key + "=" + value);
    }

    private List<String> readAll(String topic) {
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> tps = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            Map<TopicPartition, Long> end = consumer.endOffsets(tps, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline && tps.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(r.key() + "=" + r.value());
                }
            }
        }
        return seen;
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static int[] freePorts() throws IOException {
        try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
            return new int[] {a.getLocalPort(), b.getLocalPort()};
        }
    }
}
