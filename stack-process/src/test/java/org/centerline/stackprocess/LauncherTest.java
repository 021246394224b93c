package org.centerline.stackprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Child JVMs from the service table: instances, ports, ids, state folders, readiness, logs, SIGTERM, early deaths. */
class LauncherTest {

    /** The local issuer's public key: every service is told to verify tokens with it. */
    static final Path KEY = Path.of("/stack/security/jwt-public.pem");

    @TempDir
    static Path dir;
    static Path servicesDir;

    @BeforeAll
    static void buildStubJar() throws Exception {
        servicesDir = Files.createDirectories(dir.resolve("services"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, StubService.class.getName());
        String entry = StubService.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(servicesDir.resolve("stub-exec.jar")), manifest);
             var in = StubService.class.getClassLoader().getResourceAsStream(entry)) {
            jar.putNextEntry(new JarEntry(entry));
            in.transferTo(jar);
            jar.closeEntry();
        }
    }

    private static Launcher launcher(String data) {
        return new Launcher(Launcher.jarsIn(servicesDir), dir.resolve(data), "localhost:1", KEY, List.of());
    }

    @Test
    void startsInstancesOnConsecutivePortsWaitsForReadinessAndStops() throws Exception {
        int base = freePortPair();
        ServiceSpec spec = new ServiceSpec("stub", "stub-exec.jar", base);
        Path data = dir.resolve("data-ok");
        Launcher launcher = launcher("data-ok");
        List<ServiceJvm> started = launcher.startAll(List.of(spec), Map.of("stub", 2), Duration.ofSeconds(30), line -> { });
        assertThat(started).extracting(ServiceJvm::name).containsExactly("stub-0", "stub-1");
        assertThat(started).extracting(ServiceJvm::port).containsExactly(base, base + 100);
        assertThat(started).allMatch(ServiceJvm::alive);
        assertThat(ServiceJvm.portInUse(base + 100)).isTrue();

        launcher.stopAll(Duration.ofSeconds(10));
        assertThat(started).noneMatch(ServiceJvm::alive);
        String log = Files.readString(data.resolve("logs/stub-1.log"));
        assertThat(log).contains("--spring.cloud.stream.kafka.binder.brokers=localhost:1")
                .contains("--server.port=" + (base + 100))
                .contains("--centerline.instance-id=stub-1")
                .contains("--centerline.advertised-host=localhost")
                .contains("--centerline.state-dir=" + data.resolve("services/stub-1").toAbsolutePath())
                .contains("stub stopping");
        assertThat(started.get(1).command()).containsSequence("-Xmx384m", "-XX:+UseSerialGC", "-jar");
        assertThat(started.get(1).workDir()).isEqualTo(data.resolve("services/stub-1").toAbsolutePath());
    }

    @Test
    void serviceArgumentsFollowTheCommonOnesWithItsStateFolder() {
        ServiceSpec spec = new ServiceSpec("svc", "svc-exec.jar", 8089, List.of("--a=b", "--dir=" + ServiceSpec.WORK_DIR + "/x"));
        Path state = dir.resolve("data-args/services/svc-2").toAbsolutePath();
        assertThat(launcher("data-args").args(spec, 2, List.of("--own"))).startsWith(
                        "--spring.cloud.stream.kafka.binder.brokers=localhost:1")
                .contains("--spring.kafka.bootstrap-servers=localhost:1",
                        "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:/stack/security/jwt-public.pem",
                        "--spring.kafka.streams.state-dir=" + state.resolve("kstreams"))
                .endsWith("--a=b", "--dir=" + state + "/x", "--own");
        assertThat(spec.port(2)).isEqualTo(8289);
    }

    @Test
    void jvmOptionsLiveInTheCatalog() {
        assertThat(ServiceJvm.jvmOptionsOf("routing-service")).isEqualTo(ServiceCatalog.ROUTING_JVM);
        assertThat(ServiceJvm.jvmOptionsOf("center-service")).isEqualTo(ServiceCatalog.SMALL_JVM);
        assertThat(ServiceCatalog.select("notification-service,routing-service")).extracting(ServiceSpec::name)
                .containsExactly("routing-service", "notification-service");
        assertThatThrownBy(() -> ServiceCatalog.select("ghost")).hasMessageContaining("unknown service 'ghost'");
    }

    @Test
    void childThatDiesBeforeReadyIsExplained() throws Exception {
        ServiceSpec spec = new ServiceSpec("stub", "stub-exec.jar", freePortPair());
        Path data = dir.resolve("data-dies");
        Files.createDirectories(data.resolve("services/stub-0"));
        Files.writeString(data.resolve("services/stub-0/fail"), "");
        Launcher launcher = launcher("data-dies");
        assertThatThrownBy(() -> launcher.startAll(List.of(spec), Map.of(), Duration.ofSeconds(30), line -> { }))
                .hasMessageContaining("stub-0 exited with code 3 before it was ready")
                .hasMessageContaining(data.resolve("logs/stub-0.log").toAbsolutePath().toString())
                .hasMessageContaining("stub failing on purpose");
        launcher.stopAll(Duration.ofSeconds(1));
    }

    @Test
    void missingJarIsExplained() {
        assertThatThrownBy(() -> launcher("data-missing").startAll(List.of(new ServiceSpec("ghost", "ghost-exec.jar", 1)),
                Map.of(), Duration.ofSeconds(5), line -> { })).hasMessageContaining("ghost-0: jar not found");
    }

    @Test
    void portInUseIsExplained() throws IOException {
        try (ServerSocket busy = new ServerSocket(0)) {
            assertThatThrownBy(() -> launcher("data-busy").startAll(List.of(new ServiceSpec("stub", "stub-exec.jar",
                    busy.getLocalPort())), Map.of(), Duration.ofSeconds(5), line -> { }))
                    .hasMessageContaining("port " + busy.getLocalPort() + " is already in use");
        }
    }

    /** A free port whose +100 is free too. */
    private static int freePortPair() throws IOException {
        for (int i = 0; i < 50; i++) {
            int p;
            try (ServerSocket s = new ServerSocket(0)) {
                p = s.getLocalPort();
            }
            if (p + 100 < 65_536 && !ServiceJvm.portInUse(p + 100)) {
                return p;
            }
        }
        throw new IllegalStateException("no free port pair");
    }
}
