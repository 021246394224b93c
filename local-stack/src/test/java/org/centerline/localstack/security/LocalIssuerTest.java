package org.centerline.localstack.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.centerline.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;

/** The local issuer: its key pair made once and kept, the token files, and tokens a service accepts. */
class LocalIssuerTest {

    @TempDir
    Path data;

    @Test
    void createsTheKeyPairOnceAndKeepsIt() throws Exception {
        LocalIssuer first = LocalIssuer.open(data);
        Path publicKey = data.resolve("security/jwt-public.pem");
        assertThat(first.publicKey()).isEqualTo(publicKey.toAbsolutePath());
        assertThat(Files.readString(publicKey)).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("security/jwt-private.pem"))))
                .isEqualTo("rw-------");
        String before = Files.readString(publicKey);
        String token = first.mint("ops", List.of(Role.OPS), Map.of(), Duration.ofMinutes(5));

        LocalIssuer again = LocalIssuer.open(data);
        assertThat(Files.readString(publicKey)).isEqualTo(before);
        ServiceDecoder service = new ServiceDecoder(again.publicKey());
        assertThat(service.decode(token).getSubject()).isEqualTo("ops");
        assertThat(service.decode(again.mint("admin", List.of(Role.ADMIN), Map.of(),
                Duration.ofMinutes(5))).getSubject()).isEqualTo("admin");
    }

    @Test
    void everyReadyMadeTokenIsAcceptedByAServiceWithItsRoleAndParty() {
        LocalIssuer issuer = LocalIssuer.open(data);
        ReadyTokens ready = issuer.writeTokenFiles();
        ServiceDecoder service = new ServiceDecoder(issuer.publicKey());

        assertThat(ready.tokens()).extracting(m -> m.caller().variable()).containsExactly("FILER_TOKEN", "IMPORTER_TOKEN",
                "SPECIALIST_TOKEN", "DIRECTOR_TOKEN", "AGENCY_TOKEN", "OPS_TOKEN", "ADMIN_TOKEN");
        for (ReadyTokens.Minted m : ready.tokens()) {
            Jwt jwt = service.decode(m.token());
            assertThat(jwt.getClaimAsStringList("roles")).containsExactly(m.caller().role().claimValue());
            m.caller().party().forEach((claim, value) -> assertThat(jwt.getClaimAsString(claim)).isEqualTo(value));
            assertThat(jwt.getIssuer()).hasToString("https://issuer.centerline.invalid/local-stack");
            assertThat(jwt.getAudience()).containsExactly("centerline");
            assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofHours(12));
        }
        Jwt specialist = service.decode(ready.token("SPECIALIST_TOKEN"));
        assertThat(specialist.getClaimAsString("center_code")).isEqualTo("ELE");
        assertThat(specialist.getClaimAsString("specialist_id")).isEqualTo("ele-is-01");
        assertThat(service.decode(ready.token("FILER_TOKEN")).getClaimAsString("filer_code")).isEqualTo("ABC");
        assertThat(ready.validUntil()).isBetween(Instant.now().plus(Duration.ofHours(11)), Instant.now().plus(Duration.ofHours(12)));
    }

    @Test
    void tokensEnvCanBeSourcedAndIsTheOwnersOnly() throws Exception {
        LocalIssuer issuer = LocalIssuer.open(data);
        ReadyTokens ready = issuer.writeTokenFiles();
        Path env = data.resolve("tokens.env");
        assertThat(issuer.tokensFile()).isEqualTo(env.toAbsolutePath());
        assertThat(Files.readString(env)).isEqualTo(ready.envText()).contains("# filer (filer_code=ABC)\nexport FILER_TOKEN=");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env))).isEqualTo("rw-------");

        Process bash = new ProcessBuilder("bash", "-c", "source \"$1\" && echo \"$FILER_TOKEN\" && echo \"$ADMIN_TOKEN\"", "bash",
                env.toString()).redirectErrorStream(true).start();
        List<String> lines = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(bash.waitFor()).isZero();
        assertThat(lines).containsExactly(ready.token("FILER_TOKEN"), ready.token("ADMIN_TOKEN"));
    }

    @Test
    void prometheusGetsAnOpsTokenOfItsOwnAndEachWritingRenewsIt() throws Exception {
        LocalIssuer issuer = LocalIssuer.open(data);
        issuer.writeTokenFiles();
        Path file = data.resolve("security/prometheus-ops.token");
        assertThat(issuer.prometheusTokenFile()).isEqualTo(file.toAbsolutePath());
        String first = Files.readString(file).strip();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Jwt jwt = new ServiceDecoder(issuer.publicKey()).decode(first);
        assertThat(jwt.getSubject()).isEqualTo("prometheus");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("ops");

        issuer.writeTokenFiles();
        String second = Files.readString(file).strip();
        assertThat(second).isNotEqualTo(first);
        assertThat(new ServiceDecoder(issuer.publicKey()).decode(second).getSubject()).isEqualTo("prometheus");
        try (var files = Files.list(data.resolve("security"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("jwt-private.pem", "jwt-public.pem", "prometheus-ops.token");
        }
    }

    @Test
    void anotherStacksKeyIsNotTrusted() {
        LocalIssuer mine = LocalIssuer.open(data.resolve("mine"));
        LocalIssuer other = LocalIssuer.open(data.resolve("other"));
        String foreign = other.writeTokenFiles().token("ADMIN_TOKEN");
        assertThatThrownBy(() -> new ServiceDecoder(mine.publicKey()).decode(foreign)).isInstanceOf(JwtException.class);
        assertThat(new ServiceDecoder(other.publicKey()).decode(foreign).getSubject()).isEqualTo("admin");
    }
}
