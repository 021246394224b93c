package org.centerline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.centerline.stackprocess.ServiceCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrometheusTargetsTest {

    @Test
    void extraInstancesAreFileSdTargetsAndEveryServiceHasAFile(@TempDir Path data) throws Exception {
        PrometheusTargets.write(data, List.of(ServiceCatalog.spec("routing-service"), ServiceCatalog.spec("center-service")),
                Map.of("routing-service", 3));
        assertThat(Files.readString(data.resolve("prometheus/routing-service.json")))
                .contains("\"localhost:8181\"", "\"routing-service-1\"", "\"localhost:8281\"", "\"routing-service-2\"")
                .doesNotContain("8081");
        assertThat(Files.readString(data.resolve("prometheus/center-service.json"))).isEqualTo("[]\n");
        assertThat(Files.readString(data.resolve("prometheus/notification-service.json"))).isEqualTo("[]\n");
    }
}
