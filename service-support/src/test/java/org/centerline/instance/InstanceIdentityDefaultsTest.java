package org.centerline.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class InstanceIdentityDefaultsTest {

    private final InstanceIdentityDefaults defaults = new InstanceIdentityDefaults();

    private StandardEnvironment environment(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("settings", settings));
        defaults.postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void unsetIdIsHostAndPortSoTwoInstancesOnOneMachineDiffer() {
        String first = environment(Map.of("server.port", "8082")).getProperty("centerline.instance-id");
        String second = environment(Map.of("server.port", "8182")).getProperty("centerline.instance-id");

        assertThat(first).isEqualTo(InstanceIdentityDefaults.hostName() + "-8082");
        assertThat(second).endsWith("-8182").isNotEqualTo(first);
    }

    @Test
    void sameSettingsGiveTheSameIdAcrossRestarts() {
        assertThat(environment(Map.of("server.port", "8081")).getProperty("centerline.instance-id"))
                .isEqualTo(environment(Map.of("server.port", "8081")).getProperty("centerline.instance-id"));
    }

    @Test
    void randomPortGetsARandomSuffix() {
        String first = environment(Map.of("server.port", "0")).getProperty("centerline.instance-id");
        String second = environment(Map.of("server.port", "0")).getProperty("centerline.instance-id");

        assertThat(first).matches(".+-[0-9a-f]{8}").isNotEqualTo(second);
    }

    @Test
    void aConfiguredIdAndHostWin() {
        StandardEnvironment environment = environment(Map.of(
                "centerline.instance-id", "center-1", "centerline.advertised-host", "center-1.center"));

        assertThat(environment.getProperty("centerline.instance-id")).isEqualTo("center-1");
        assertThat(environment.getProperty("centerline.advertised-host")).isEqualTo("center-1.center");
    }

    @Test
    void advertisedHostDefaultsToLoopback() {
        assertThat(environment(Map.of()).getProperty("centerline.advertised-host")).isEqualTo("localhost");
    }

    @Test
    void hostNamesAreCutToWhatKafkaIdsAllow() {
        assertThat(InstanceIdentityDefaults.sanitize(" node 7/eu:1 ")).isEqualTo("node-7-eu-1");
    }
}
