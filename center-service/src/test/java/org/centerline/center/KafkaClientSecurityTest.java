package org.centerline.center;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.centerline.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * SASL/SCRAM over TLS set only through Spring Boot's standard Kafka properties reaches every Kafka
 * client the service has: the command and roster producer, any consumer, the admin client, and each
 * client Kafka Streams creates (main, restore and global consumers, producer, admin). Nothing
 * connects: the configs are read as the clients would receive them.
 */
@SpringBootTest(properties = {
        TestTokens.PUBLIC_KEY,
        "spring.kafka.bootstrap-servers=kafka.invalid:9093",
        "spring.kafka.streams.auto-startup=false",
        "spring.kafka.security.protocol=SASL_SSL",
        "spring.kafka.properties.sasl.mechanism=SCRAM-SHA-512",
        "spring.kafka.properties.sasl.jaas.config=" + KafkaClientSecurityTest.JAAS,
        "spring.kafka.ssl.trust-store-location=file:/etc/centerline/kafka-truststore.p12",
        "spring.kafka.ssl.trust-store-password=not-a-real-password",
        "spring.kafka.ssl.trust-store-type=PKCS12"})
class KafkaClientSecurityTest {

    static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"center-service\" password=\"not-a-real-secret\";";

    @Autowired
    ApplicationContext context;
    @Autowired
    KafkaTemplate<String, byte[]> commandsAndRosters;

    @Test
    void everyKafkaClientOfTheServiceGetsSaslScramOverTls() {
        Map<String, Map<String, Object>> clients = new LinkedHashMap<>();
        clients.put("the commands and rosters producer", commandsAndRosters.getProducerFactory().getConfigurationProperties());
        context.getBeansOfType(ProducerFactory.class).forEach((name, f) -> clients.put(name, f.getConfigurationProperties()));
        context.getBeansOfType(ConsumerFactory.class).forEach((name, f) -> clients.put(name, f.getConfigurationProperties()));
        context.getBeansOfType(KafkaAdmin.class).forEach((name, a) -> clients.put(name, a.getConfigurationProperties()));

        Properties streamsProperties = context.getBean(StreamsBuilderFactoryBean.class).getStreamsConfiguration();
        assertThat(streamsProperties).as("the properties KafkaStreams is built with").isNotNull();
        StreamsConfig streams = new StreamsConfig(streamsProperties);
        clients.put("streams main consumer", streams.getMainConsumerConfigs("center-service", "c", 0));
        clients.put("streams restore consumer", streams.getRestoreConsumerConfigs("c"));
        clients.put("streams global consumer", streams.getGlobalConsumerConfigs("c"));
        clients.put("streams producer", streams.getProducerConfigs("c"));
        clients.put("streams admin", streams.getAdminConfigs("c"));

        assertThat(clients).containsKeys("kafkaProducerFactory", "kafkaConsumerFactory", "kafkaAdmin").hasSize(9);
        clients.forEach((client, config) -> {
            assertThat(String.valueOf(config.get("security.protocol"))).as(client).isEqualTo("SASL_SSL");
            assertThat(String.valueOf(config.get("sasl.mechanism"))).as(client).isEqualTo("SCRAM-SHA-512");
            assertThat(String.valueOf(config.get("sasl.jaas.config"))).as(client).isEqualTo(JAAS);
            assertThat(String.valueOf(config.get("ssl.truststore.location"))).as(client).endsWith("kafka-truststore.p12");
            assertThat(String.valueOf(config.get("ssl.truststore.type"))).as(client).isEqualTo("PKCS12");
            assertThat(config.get("ssl.truststore.password")).as(client).isNotNull();
        });
    }
}
