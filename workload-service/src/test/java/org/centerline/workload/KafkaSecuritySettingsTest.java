package org.centerline.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.centerline.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.test.annotation.DirtiesContext;

/**
 * SASL/SCRAM over TLS is switched on with Spring Boot's standard Kafka settings alone, and every Kafka
 * client the service runs gets it: the five clients Kafka Streams builds from its configuration
 * (main, restore and global consumers, producer, admin) and every client factory in the context. The
 * configs are read back through Kafka's own config classes, as the clients would read them. Nothing
 * connects: Streams is not started, so no SASL broker is needed.
 */
@SpringBootTest(properties = {TestTokens.PUBLIC_KEY, TestTokens.AUDIENCE,
        "spring.kafka.bootstrap-servers=kafka-1.example:9096",
        "spring.kafka.streams.auto-startup=false",
        "spring.kafka.security.protocol=SASL_SSL",
        "spring.kafka.ssl.trust-store-location=file:/etc/centerline/kafka-truststore.p12",
        "spring.kafka.ssl.trust-store-password=trust-secret",
        "spring.kafka.ssl.trust-store-type=PKCS12",
        "spring.kafka.ssl.key-store-location=file:/etc/centerline/workload-service.p12",
        "spring.kafka.ssl.key-store-password=key-secret",
        "spring.kafka.ssl.key-store-type=PKCS12",
        "spring.kafka.properties.sasl.mechanism=SCRAM-SHA-512",
        "spring.kafka.properties.sasl.jaas.config=" + KafkaSecuritySettingsTest.JAAS})
@DirtiesContext
class KafkaSecuritySettingsTest {

    static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"workload-service\" password=\"scram-secret\";";

    @Autowired
    StreamsBuilderFactoryBean streams;

    @Autowired
    ApplicationContext context;

    @Test
    void everyClientKafkaStreamsBuildsIsSaslOverTls() {
        StreamsConfig config = new StreamsConfig(streams.getStreamsConfiguration());
        Map<String, AbstractConfig> clients = new LinkedHashMap<>();
        clients.put("main consumer", new ConsumerConfig(bytes(config.getMainConsumerConfigs("workload-service", "client", 0))));
        clients.put("restore consumer", new ConsumerConfig(bytes(config.getRestoreConsumerConfigs("client"))));
        clients.put("global consumer", new ConsumerConfig(bytes(config.getGlobalConsumerConfigs("client"))));
        clients.put("producer", new ProducerConfig(bytes(config.getProducerConfigs("client"))));
        clients.put("admin", new AdminClientConfig(config.getAdminConfigs("client")));
        clients.forEach(KafkaSecuritySettingsTest::assertSaslOverTls);
        // The service's own Streams settings survive next to the security ones.
        assertThat(config.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    }

    @Test
    void everyOtherKafkaClientTheServiceCanCreateIsSaslOverTlsToo() {
        Map<String, AbstractConfig> clients = new LinkedHashMap<>();
        context.getBeansOfType(ProducerFactory.class).forEach((name, factory) ->
                clients.put(name, new ProducerConfig(factory.getConfigurationProperties())));
        context.getBeansOfType(ConsumerFactory.class).forEach((name, factory) ->
                clients.put(name, new ConsumerConfig(factory.getConfigurationProperties())));
        context.getBeansOfType(KafkaAdmin.class).forEach((name, admin) ->
                clients.put(name, new AdminClientConfig(admin.getConfigurationProperties())));
        assertThat(clients).as("client factories in the context").containsKeys("kafkaProducerFactory", "kafkaConsumerFactory", "kafkaAdmin");
        clients.forEach(KafkaSecuritySettingsTest::assertSaslOverTls);
    }

    /** Kafka Streams hands its clients byte-array (de)serializers as objects, not in the configs; so do we. */
    private static Map<String, Object> bytes(Map<String, Object> configs) {
        Map<String, Object> withSerdes = new HashMap<>(configs);
        withSerdes.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        withSerdes.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        withSerdes.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        withSerdes.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return withSerdes;
    }

    private static void assertSaslOverTls(String client, AbstractConfig config) {
        assertThat(config.getString(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG)).as(client).isEqualTo("SASL_SSL");
        assertThat(config.getString(SaslConfigs.SASL_MECHANISM)).as(client).isEqualTo("SCRAM-SHA-512");
        assertThat(config.getPassword(SaslConfigs.SASL_JAAS_CONFIG).value()).as(client).isEqualTo(JAAS);
        assertThat(config.getString(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG)).as(client).isEqualTo("/etc/centerline/kafka-truststore.p12");
        assertThat(config.getPassword(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG).value()).as(client).isEqualTo("trust-secret");
        assertThat(config.getString(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG)).as(client).isEqualTo("PKCS12");
        assertThat(config.getString(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG)).as(client).isEqualTo("/etc/centerline/workload-service.p12");
        assertThat(config.getPassword(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG).value()).as(client).isEqualTo("key-secret");
        assertThat(config.getList(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)).as(client).containsExactly("kafka-1.example:9096");
    }
}
