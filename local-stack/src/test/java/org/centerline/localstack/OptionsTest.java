package org.centerline.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.centerline.stackprocess.ServiceCatalog;
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
        assertThat(o.decisionsPerMinute()).isEqualTo(60);
        assertThat(o.specialists()).isTrue();
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
        Options none = Options.parse(new String[] {"--no-simulator"}, ws);
        assertThat(none.simulator()).isFalse();
        assertThat(none.specialists()).isFalse();
        Options noFilings = Options.parse(new String[] {"--rate", "0"}, ws);
        assertThat(noFilings.simulator()).isFalse();
        assertThat(noFilings.specialists()).isTrue();
        Options onlySpecialists = Options.parse(new String[] {"--no-simulator", "--decisions-per-minute=30"}, ws);
        assertThat(onlySpecialists.simulator()).isFalse();
        assertThat(onlySpecialists.decisionsPerMinute()).isEqualTo(30);
        assertThat(onlySpecialists.specialists()).isTrue();
    }

    @Test
    void specialistsNeedCenterService() {
        assertThat(Options.parse(new String[] {"--decisions-per-minute", "0"}, ws).specialists()).isFalse();
        assertThat(Options.parse(new String[] {"--services", "routing-service"}, ws).specialists()).isFalse();
        assertThat(Options.parse(new String[] {"--services", "center-service"}, ws).specialists()).isTrue();
    }

    @Test
    void servicesByNameInStartOrder() {
        assertThat(Options.parse(new String[] {"--services", "routing-service"}, ws).services())
                .extracting(s -> s.name()).containsExactly("routing-service");
        assertThat(Options.parse(new String[] {"--services", "center-service, routing-service"}, ws).services())
                .extracting(s -> s.name()).containsExactly("routing-service", "center-service");
    }

    @Test
    void catalog() {
        assertThat(ServiceCatalog.all()).extracting(s -> s.name() + " " + s.jar() + " " + s.port())
                .containsExactly("routing-service routing-service-exec.jar 8081", "center-service center-service-exec.jar 8082",
                        "workload-service workload-service-exec.jar 8083",
                        "notification-service notification-service-exec.jar 8084");
        assertThat(ServiceCatalog.find(ServiceCatalog.all(), "center-service").orElseThrow()
                .args(Path.of("/repo/.centerline/services/center-service")))
                .containsExactly("--centerline.center.seed-roster=true");
    }

    @Test
    void badInputIsExplained() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--services", "nope"}, ws)).hasMessageContaining("unknown service 'nope'");
        assertThatThrownBy(() -> Options.parse(new String[] {"--rate", "fast"}, ws)).hasMessageContaining("--rate must be a number");
        assertThatThrownBy(() -> Options.parse(new String[] {"--kafka-port"}, ws)).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Options.parse(new String[] {"--kafka-port", "70000"}, ws)).hasMessageContaining("between 1 and 65535");
        assertThatThrownBy(() -> Options.parse(new String[] {"--bogus"}, ws)).hasMessageContaining("unknown option '--bogus'");
        assertThatThrownBy(() -> Options.parse(new String[] {"--decisions-per-minute", "-1"}, ws))
                .hasMessageContaining("--decisions-per-minute must be between 0 and 100000");
    }

    @Test
    void instancesForEveryServiceOrOne() {
        assertThat(Options.parse(new String[0], ws).instancesOf("routing-service")).isEqualTo(1);
        Options two = Options.parse(new String[] {"--instances", "2", "--routing-instances=3"}, ws);
        assertThat(two.instancesOf("routing-service")).isEqualTo(3);
        assertThat(two.instancesOf("center-service")).isEqualTo(2);
        assertThat(two.instancesOf("notification-service")).isEqualTo(2);
        Options one = Options.parse(new String[] {"--workload-instances", "2"}, ws);
        assertThat(one.instancesOf("workload-service")).isEqualTo(2);
        assertThat(one.instancesOf("center-service")).isEqualTo(1);
        assertThatThrownBy(() -> Options.parse(new String[] {"--instances", "0"}, ws)).hasMessageContaining("--instances");
        assertThatThrownBy(() -> Options.parse(new String[] {"--instances", "1.5"}, ws)).hasMessageContaining("whole number");
        assertThatThrownBy(() -> Options.parse(new String[] {"--center-instances", "10"}, ws)).hasMessageContaining("between 1 and 9");
    }
}
