package org.centerline.localstack.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Verifies a token as a service does with {@code public-key-location=file:<pem>} and {@code audiences=centerline}
 * (Spring Boot's resource-server auto-configuration: the PEM read by {@link RsaKeyConverters#x509()}, Nimbus,
 * the default validators plus an audience check).
 */
final class ServiceDecoder {

    private final NimbusJwtDecoder decoder;

    ServiceDecoder(Path publicKeyPem) {
        try (InputStream in = Files.newInputStream(publicKeyPem)) {
            RSAPublicKey key = RsaKeyConverters.x509().convert(in);
            decoder = NimbusJwtDecoder.withPublicKey(key).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains("centerline"))));
    }

    /** The verified token; throws {@code JwtException} when a service would answer 401. */
    Jwt decode(String token) {
        return decoder.decode(token);
    }
}
