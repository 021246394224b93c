package org.centerline.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.centerline.security.Role;
import org.centerline.security.TokenIssuer;

/**
 * The fault tests' own token issuer: a fresh key pair per run, whose public key every service is told to trust, and
 * bearer tokens for the callers the tests play (ops, a filer, a Center's staff).
 */
final class Tokens {

    private static final Duration LIFETIME = Duration.ofHours(1);

    private final Path keyDir;
    private final TokenIssuer issuer;

    Tokens(Path keyDir) {
        this.keyDir = keyDir;
        try {
            this.issuer = TokenIssuer.inDirectory(keyDir);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the test signing key in " + keyDir, e);
        }
    }

    /** The PEM of the public key services verify these tokens with. */
    Path publicKey() {
        return keyDir.resolve(TokenIssuer.PUBLIC_KEY_FILE);
    }

    /** The argument that makes a service trust these tokens (and without which a secured service refuses to start). */
    String publicKeyArgument() {
        return "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:"
                + keyDir.resolve(TokenIssuer.PUBLIC_KEY_FILE).toAbsolutePath();
    }

    /** Operations staff: actuator (metrics, prometheus) and workload. */
    String ops() {
        return issuer.mint("fault-tests-ops", List.of(Role.OPS), Map.of(), LIFETIME);
    }

    /** A broker filing under {@code filerCode}, which may subscribe to its own notifications. */
    String filer(String filerCode) {
        return issuer.mint("fault-tests-filer-" + filerCode, List.of(Role.FILER), Map.of("filer_code", filerCode), LIFETIME);
    }

    /** A Center's specialist (roster id {@code specialistId}) who is also its director: its queue, claims and decisions. */
    String centerStaff(String centerCode, String specialistId) {
        return issuer.mint("fault-tests-" + specialistId, List.of(Role.SPECIALIST, Role.DIRECTOR),
                Map.of("center_code", centerCode, "specialist_id", specialistId), LIFETIME);
    }
}
