package org.centerline.localstack.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Child JVMs from the service table: start, readiness, logs, SIGTERM, and a clear error when a child dies early. */
class ServiceSupervisorTest {

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

    @Test
    void startsWaitsForReadinessAndStops() throws Exception {
        ServiceSpec spec = new ServiceSpec("stub", "stub-exec.jar", freePort());
        Path data = dir.resolve("data-ok");
        ServiceSupervisor supervisor = new ServiceSupervisor(servicesDir, data, "localhost:1", KEY);
        supervisor.startAll(List.of(spec), Duration.ofSeconds(30));
        ServiceProcess p = supervisor.running().get(0);
        assertThat(p.isAlive()).isTrue();
        assertThat(ServiceProcess.portInUse(spec.port())).isTrue();

        supervisor.stopAll(Duration.ofSeconds(10));
        assertThat(p.isAlive()).isFalse();
        String log = Files.readString(data.resolve("logs/stub.log"));
        assertThat(log).contains("--spring.cloud.stream.kafka.binder.brokers=localhost:1")
                .contains("--server.port=" + spec.port())
                .contains("stub stopping");
        assertThat(p.command()).containsSequence("-Xmx384m", "-XX:+UseSerialGC", "-jar");
    }

    @Test
    void serviceArgumentsFollowTheCommonOnesWithItsWorkDir() {
        ServiceSpec spec = new ServiceSpec("svc", "svc-exec.jar", 8089, List.of("--a=b", "--dir=" + ServiceSpec.WORK_DIR + "/x"));
        Path work = dir.resolve("data-args/services/svc");
        ServiceProcess p = new ServiceProcess(spec, servicesDir.resolve("svc-exec.jar"), dir.resolve("data-args/logs/svc.log"),
                work, "localhost:1", KEY);
        assertThat(p.command()).endsWith("--spring.kafka.bootstrap-servers=localhost:1", "--server.port=8089",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:/stack/security/jwt-public.pem",
                "--a=b", "--dir=" + work.toAbsolutePath() + "/x");
    }

    @Test
    void childThatDiesBeforeReadyIsExplained() throws Exception {
        ServiceSpec spec = new ServiceSpec("stub", "stub-exec.jar", freePort());
        Path data = dir.resolve("data-dies");
        Files.createDirectories(data.resolve("services/stub"));
        Files.writeString(data.resolve("services/stub/fail"), "");
        ServiceSupervisor supervisor = new ServiceSupervisor(servicesDir, data, "localhost:1", KEY);
        assertThatThrownBy(() -> supervisor.startAll(List.of(spec), Duration.ofSeconds(30)))
                .hasMessageContaining("stub exited with code 3 before it was ready")
                .hasMessageContaining(data.resolve("logs/stub.log").toString())
                .hasMessageContaining("stub failing on purpose");
        supervisor.stopAll(Duration.ofSeconds(1));
    }

    @Test
    void missingJarIsExplained() {
        ServiceSupervisor supervisor = new ServiceSupervisor(servicesDir, dir.resolve("data-missing"), "localhost:1", KEY);
        assertThatThrownBy(() -> supervisor.startAll(List.of(new ServiceSpec("ghost", "ghost-exec.jar", 1)), Duration.ofSeconds(5)))
                .hasMessageContaining("ghost: jar not found");
    }

    @Test
    void portInUseIsExplained() throws IOException {
        try (ServerSocket busy = new ServerSocket(0)) {
            ServiceSupervisor supervisor = new ServiceSupervisor(servicesDir, dir.resolve("data-busy"), "localhost:1", KEY);
            assertThatThrownBy(() -> supervisor.startAll(List.of(new ServiceSpec("stub", "stub-exec.jar", busy.getLocalPort())),
                    Duration.ofSeconds(5))).hasMessageContaining("port " + busy.getLocalPort() + " is already in use");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
