package org.centerline.localstack.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.centerline.localstack.Workspace;
import org.centerline.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;

/** {@code local-stack.jar token ...} and {@code tokens}: what they mint, what they refuse, and the files they write. */
class TokenCommandTest {

    @TempDir
    Path repo;

    private Workspace workspace() {
        return new Workspace(repo, repo.resolve("local-stack/target/services"));
    }

    @Test
    void mintsATokenForAnyRoleAndPartyThatAServiceAccepts() {
        Run run = run("token", "filer", "--filer-code", "B12", "--lifetime=30m");
        assertThat(run.exit).isZero();
        assertThat(run.err).isEmpty();
        Path dataDir = repo.resolve(".centerline");
        Jwt jwt = new ServiceDecoder(dataDir.resolve("security/jwt-public.pem")).decode(run.out.strip());
        assertThat(jwt.getSubject()).isEqualTo("filer-B12");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("filer");
        assertThat(jwt.getClaimAsString("filer_code")).isEqualTo("B12");
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void parsesRolesPartyAndSubject() {
        TokenCommand.Request r = TokenCommand.parse(new String[] {"director,admin", "--center", "PHC", "--data-dir", "/tmp/d"},
                workspace());
        assertThat(r.roles()).containsExactly(Role.DIRECTOR, Role.ADMIN);
        assertThat(r.party()).isEqualTo(Map.of("center_code", "PHC"));
        assertThat(r.subject()).isEqualTo("director-admin-PHC");
        assertThat(r.lifetime()).isEqualTo(Duration.ofHours(12));
        assertThat(r.dataDir()).isEqualTo(Path.of("/tmp/d"));

        TokenCommand.Request s = TokenCommand.parse(new String[] {"specialist", "--center=ele", "--specialist-id=ele-is-02",
                "--subject", "emery"}, workspace());
        assertThat(s.party()).containsExactly(Map.entry("center_code", "ele"), Map.entry("specialist_id", "ele-is-02"));
        assertThat(s.subject()).isEqualTo("emery");
        assertThat(TokenCommand.parse(new String[] {"specialist", "--center=ele", "--specialist-id=ele-is-02"}, workspace())
                .subject()).isEqualTo("ele-is-02");
        assertThat(TokenCommand.parse(new String[] {"OPS"}, workspace()).roles()).isEqualTo(List.of(Role.OPS));
    }

    @Test
    void refusesTokensThatCouldOnlyBeDenied() {
        assertThatThrownBy(() -> TokenCommand.parse(new String[] {"filer"}, workspace())).hasMessage("filer needs --filer-code");
        assertThatThrownBy(() -> TokenCommand.parse(new String[] {"specialist", "--center", "ELE"}, workspace()))
                .hasMessage("specialist needs --specialist-id");
        assertThatThrownBy(() -> TokenCommand.parse(new String[] {"director"}, workspace())).hasMessage("director needs --center");
        assertThatThrownBy(() -> TokenCommand.parse(new String[] {"boss"}, workspace()))
                .hasMessage("unknown role 'boss'; known: filer, importer, specialist, director, agency, ops, admin");
        assertThatThrownBy(() -> TokenCommand.parse(new String[0], workspace())).hasMessageStartingWith("which ROLE?");
        assertThatThrownBy(() -> TokenCommand.parse(new String[] {"ops", "--lifetime", "soon"}, workspace()))
                .hasMessageContaining("--lifetime must look like 30m, 12h, 7d or PT12H");
        assertThatThrownBy(() -> TokenCommand.parse(new String[] {"ops", "--lifetime", "0h"}, workspace()))
                .hasMessageContaining("must be positive");
        assertThatThrownBy(() -> TokenCommand.parse(new String[] {"ops", "--color", "red"}, workspace()))
                .hasMessage("unknown option '--color'");

        Run run = run("token", "filer");
        assertThat(run.exit).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.err).startsWith("local-stack token: filer needs --filer-code").contains("Usage:");
        assertThat(repo.resolve(".centerline")).doesNotExist();
    }

    @Test
    void lifetimes() {
        assertThat(TokenCommand.duration("45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(TokenCommand.duration("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(TokenCommand.duration("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(TokenCommand.duration("PT2H")).isEqualTo(Duration.ofHours(2));
        assertThat(TokenCommand.duration("pt90m")).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void tokensWritesTheFilesAgainAndPrintsThem() throws Exception {
        Run run = run("tokens");
        assertThat(run.exit).isZero();
        Path env = repo.resolve(".centerline/tokens.env");
        assertThat(run.out).isEqualTo(Files.readString(env)).contains("export OPS_TOKEN=");
        assertThat(repo.resolve(".centerline/security/prometheus-ops.token")).isNotEmptyFile();

        Run quiet = run("tokens", "--quiet", "--data-dir", repo.resolve("elsewhere").toString());
        assertThat(quiet.exit).isZero();
        assertThat(quiet.out).isEmpty();
        assertThat(repo.resolve("elsewhere/tokens.env")).isNotEmptyFile();
    }

    @Test
    void helpAndWhatItHandles() {
        assertThat(run("token", "--help").out).contains("Usage: java -jar local-stack/target/local-stack.jar token ROLE");
        assertThat(TokenCommand.handles(new String[] {"token", "ops"})).isTrue();
        assertThat(TokenCommand.handles(new String[] {"tokens"})).isTrue();
        assertThat(TokenCommand.handles(new String[] {"--rate", "5"})).isFalse();
        assertThat(TokenCommand.handles(new String[0])).isFalse();
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = TokenCommand.run(args, workspace(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int exit, String out, String err) {
    }
}
