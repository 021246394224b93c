package org.centerline.contracts.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.centerline.contracts.testing.SharedKafka.Broker;
import org.junit.jupiter.api.Test;

/** Which broker the integration tests run on: the selection logic only (this machine has no Docker engine). */
class SharedKafkaTest {

    private static final BooleanSupplier DOCKER = () -> true;
    private static final BooleanSupplier NO_DOCKER = () -> false;

    @Test
    void autoTakesTheContainerWhenDockerAnswersAndTheEmbeddedBrokerOtherwise() {
        assertThat(SharedKafka.choose("auto", DOCKER)).isEqualTo(Broker.CONTAINER);
        assertThat(SharedKafka.choose("auto", NO_DOCKER)).isEqualTo(Broker.EMBEDDED);
        assertThat(SharedKafka.choose(null, NO_DOCKER)).isEqualTo(Broker.EMBEDDED);
        assertThat(SharedKafka.choose(" AUTO ", DOCKER)).isEqualTo(Broker.CONTAINER);
    }

    @Test
    void embeddedNeverAsksForDocker() {
        AtomicInteger asked = new AtomicInteger();
        assertThat(SharedKafka.choose("embedded", () -> asked.incrementAndGet() > 0)).isEqualTo(Broker.EMBEDDED);
        assertThat(asked).hasValue(0);
    }

    @Test
    void containerNeedsDocker() {
        assertThat(SharedKafka.choose("container", DOCKER)).isEqualTo(Broker.CONTAINER);
        assertThatThrownBy(() -> SharedKafka.choose("container", NO_DOCKER)).hasMessageContaining("no Docker engine");
    }

    @Test
    void anythingElseIsRefused() {
        assertThatThrownBy(() -> SharedKafka.choose("podman", DOCKER)).hasMessageContaining("auto, embedded or container");
    }

    @Test
    void theContainerIsKafkaNativeOfTheClientsVersion() {
        assertThat(ContainerKafka.IMAGE).isEqualTo("apache/kafka-native:4.1.2");
    }

    @Test
    void thisMachineWithoutDockerRunsEmbedded() {
        if (!SharedKafka.dockerAvailable()) {
            assertThat(SharedKafka.choose("auto", SharedKafka::dockerAvailable)).isEqualTo(Broker.EMBEDDED);
        }
    }
}
