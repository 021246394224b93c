package org.centerline.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tokens for tests, signed with a test-only key pair (in this test-jar, never in a service). Add
 * {@link #PUBLIC_KEY} and {@link #AUDIENCE} to a test's properties so the service trusts them.
 */
public final class TestTokens {

    /** The service under test verifies tokens with the test public key. */
    public static final String PUBLIC_KEY =
            "spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:security/test-jwt-public.pem";
    /** ... and requires the Centerline audience, as every service does in production. */
    public static final String AUDIENCE = "spring.security.oauth2.resourceserver.jwt.audiences=" + TokenIssuer.AUDIENCE;

    private static final TokenIssuer ISSUER = issuer("security/test-jwt-private.pem");
    private static final TokenIssuer STRANGER = issuer("security/stranger-jwt-private.pem");
    private static final Duration HOUR = Duration.ofHours(1);

    private TestTokens() {
    }

    public static String filer(String filerCode) {
        return ISSUER.mint("filer-" + filerCode, List.of(Role.FILER), Map.of(Caller.FILER_CODE, filerCode), HOUR);
    }

    public static String importer(String importerNumber) {
        return ISSUER.mint("importer-" + importerNumber, List.of(Role.IMPORTER),
                Map.of(Caller.IMPORTER_NUMBER, importerNumber), HOUR);
    }

    public static String specialist(String centerCode, String specialistId) {
        return ISSUER.mint(specialistId, List.of(Role.SPECIALIST),
                Map.of(Caller.CENTER_CODE, centerCode, Caller.SPECIALIST_ID, specialistId), HOUR);
    }

    public static String director(String centerCode) {
        return ISSUER.mint("director-" + centerCode, List.of(Role.DIRECTOR), Map.of(Caller.CENTER_CODE, centerCode), HOUR);
    }

    public static String agency(String agency) {
        return ISSUER.mint("agency-" + agency, List.of(Role.AGENCY), Map.of(Caller.AGENCY, agency), HOUR);
    }

    public static String ops() {
        return ISSUER.mint("ops", List.of(Role.OPS), Map.of(), HOUR);
    }

    public static String admin() {
        return ISSUER.mint("admin", List.of(Role.ADMIN), Map.of(), HOUR);
    }

    /** Any roles and party claims. */
    public static String of(String subject, List<Role> roles, Map<String, String> party) {
        return ISSUER.mint(subject, roles, party, HOUR);
    }

    /** A valid signature on a token that expired ten minutes ago. */
    public static String expired(Role role) {
        return new TokenIssuer(key("security/test-jwt-private.pem"), Clock.fixed(Instant.now().minus(Duration.ofHours(2)),
                java.time.ZoneOffset.UTC)).mint("late", List.of(role), Map.of(), Duration.ofMinutes(110));
    }

    /** The right claims signed with a key the service does not trust. */
    public static String signedByStranger(Role role) {
        return STRANGER.mint("stranger", List.of(role), Map.of(), HOUR);
    }

    /** The right key, but meant for another audience. */
    public static String otherAudience(Role role) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", TokenIssuer.ISSUER);
        claims.put("sub", "elsewhere");
        claims.put("aud", "another-system");
        claims.put("exp", Instant.now().plus(HOUR).getEpochSecond());
        claims.put(Caller.ROLES, List.of(role.claimValue()));
        return ISSUER.sign(claims);
    }

    /** The value of an {@code Authorization} header. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static TokenIssuer issuer(String resource) {
        return new TokenIssuer(key(resource), Clock.systemUTC());
    }

    private static java.security.PrivateKey key(String resource) {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath");
            }
            return TokenIssuer.privateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
