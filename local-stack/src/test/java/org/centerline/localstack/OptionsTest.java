package org.centerline.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.centerline.localstack.services.ServiceCatalog;
import org.junit.jupiter.api.Test;

class OptionsTest {

    private final Workspace ws = new Workspace(Path.of("/repo"), Path.of("/repo/local-stack/target/services"));

    @Test
    void defaults() {
        Options o = Options.parse(new String[0], ws);
        assertThat(o.kafkaPort()).isEqualTo(9092);
        assertThat(o.controllerPort()).isEqualTo(9093);
        assertThat(o.rate()).isEqualTo(20);
        assertThat(o.simulator()).isTrue();
        assertThat(o.services()).isEqualTo(ServiceCatalog.all());
        assertThat(o.dataDir()).isEqualTo(Path.of("/repo/.centerline"));
        assertThat(o.kafkaDataDir()).isEqualTo(Path.of("/repo/.centerline/kafka-data"));
        assertThat(o.invalidShare()).isEqualTo(0.03);
    }

    @Test
    void flagsInBothForms() {
        Options o = Options.parse(new String[] {"--kafka-port", "19092", "--rate=5", "--services", "none",
                "--data-dir=/tmp/x", "--seed", "7"}, ws);
        assertThat(o.kafkaPort()).isEqualTo(19092);
        assertThat(o.controllerPort()).isEqualTo(19093);
        assertThat(o.rate()).isEqualTo(5);
        assertThat(o.services()).isEmpty();
        assertThat(o.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(o.seed()).isEqualTo(7);
    }

    @Test
    void noSimulator() {
        assertThat(Options.parse(new String[] {"--no-simulator"}, ws).simulator()).isFalse();
        assertThat(Options.parse(new String[] {"--rate", "0"}, ws).simulator()).isFalse();
    }

    @Test
    void servicesByName() {
        assertThat(Options.parse(new String[] {"--services", "routing-service"}, ws).services())
                .extracting(s -> s.name()).containsExactly("routing-service");
    }

    @Test
    void badInputIsExplained() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--services", "nope"}, ws)).hasMessageContaining("unknown service 'nope'");
        assertThatThrownBy(() -> Options.parse(new String[] {"--rate", "fast"}, ws)).hasMessageContaining("--rate must be a number");
        assertThatThrownBy(() -> Options.parse(new String[] {"--kafka-port"}, ws)).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Options.parse(new String[] {"--kafka-port", "70000"}, ws)).hasMessageContaining("between 1 and 65535");
        assertThatThrownBy(() -> Options.parse(new String[] {"--bogus"}, ws)).hasMessageContaining("unknown option '--bogus'");
    }
}
