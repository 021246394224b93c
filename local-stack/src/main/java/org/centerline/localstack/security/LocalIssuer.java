package org.centerline.localstack.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.centerline.security.Role;
import org.centerline.security.TokenIssuer;

/**
 * The local stack's own token issuer, so the services can require tokens without an identity provider:
 * an RSA key pair created once under {@code <data>/security/} and kept, the public key the services verify
 * with, and the token files for people ({@code <data>/tokens.env}) and for Prometheus
 * ({@code <data>/security/prometheus-ops.token}). Development only: production points the services at a
 * real issuer (root README, Security).
 */
public final class LocalIssuer {

    /** How long the ready-made tokens are valid. */
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(12);
    public static final String SECURITY_DIR = "security";
    public static final String TOKENS_FILE = "tokens.env";
    public static final String PROMETHEUS_TOKEN_FILE = "prometheus-ops.token";
    /** The subject of the token Prometheus scrapes {@code /actuator/prometheus} with. */
    static final String PROMETHEUS_SUBJECT = "prometheus";

    private final Path dataDir;
    private final TokenIssuer issuer;
    private final Clock clock;

    LocalIssuer(Path dataDir, TokenIssuer issuer, Clock clock) {
        this.dataDir = dataDir;
        this.issuer = issuer;
        this.clock = clock;
    }

    /** The issuer of the stack whose data folder is {@code dataDir}; creates the key pair on first use. */
    public static LocalIssuer open(Path dataDir) {
        Path dir = dataDir.resolve(SECURITY_DIR);
        try {
            return new LocalIssuer(dataDir, TokenIssuer.inDirectory(dir), Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create or read the token signing key in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the token signing key in " + dir + " is unreadable (delete "
                    + TokenIssuer.PRIVATE_KEY_FILE + " and " + TokenIssuer.PUBLIC_KEY_FILE + " for a new pair): " + e, e);
        }
    }

    /** The PEM the services verify tokens with ({@code public-key-location=file:<this>}). */
    public Path publicKey() {
        return dataDir.resolve(SECURITY_DIR).resolve(TokenIssuer.PUBLIC_KEY_FILE).toAbsolutePath().normalize();
    }

    public Path tokensFile() {
        return dataDir.resolve(TOKENS_FILE).toAbsolutePath().normalize();
    }

    public Path prometheusTokenFile() {
        return dataDir.resolve(SECURITY_DIR).resolve(PROMETHEUS_TOKEN_FILE).toAbsolutePath().normalize();
    }

    /** A token for any roles and party claims (claim name -> value). */
    public String mint(String subject, List<Role> roles, Map<String, String> party, Duration lifetime) {
        return issuer.mint(subject, roles, party, lifetime);
    }

    /**
     * Mints the ready-made tokens and Prometheus' ops token, valid {@link #TOKEN_LIFETIME}, and (re)writes
     * {@code tokens.env} and the Prometheus token file, readable by their owner only.
     */
    public ReadyTokens writeTokenFiles() {
        Instant validUntil = clock.instant().plus(TOKEN_LIFETIME).truncatedTo(ChronoUnit.SECONDS);
        List<ReadyTokens.Minted> minted = new ArrayList<>();
        for (ReadyMadeCaller caller : ReadyMadeCaller.ALL) {
            minted.add(new ReadyTokens.Minted(caller,
                    mint(caller.subject(), List.of(caller.role()), caller.party(), TOKEN_LIFETIME)));
        }
        ReadyTokens tokens = new ReadyTokens(minted, validUntil, tokensFile());
        String prometheus = mint(PROMETHEUS_SUBJECT, List.of(Role.OPS), Map.of(), TOKEN_LIFETIME);
        writeOwnerOnly(tokensFile(), tokens.envText());
        writeOwnerOnly(prometheusTokenFile(), prometheus + "\n");
        return tokens;
    }

    /** Replaces {@code file} in one step (Prometheus reads its token file on every scrape; it never sees half of one). */
    static void writeOwnerOnly(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
