package org.centerline.localstack.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;

/** The simulated staff's tokens: who each one is, and that one is reused until it is half spent. */
class MintedStaffTokensTest {

    @TempDir
    Path data;

    @Test
    void aSpecialistIsBoundToTheirCenterAndRosterIdAndTheDirectorToTheCenter() {
        LocalIssuer issuer = LocalIssuer.open(data);
        MintedStaffTokens tokens = new MintedStaffTokens(issuer);
        ServiceDecoder service = new ServiceDecoder(issuer.publicKey());

        Jwt specialist = service.decode(tokens.specialist("ele", "ele-is-02"));
        assertThat(specialist.getSubject()).isEqualTo("ele-is-02");
        assertThat(specialist.getClaimAsStringList("roles")).containsExactly("specialist");
        assertThat(specialist.getClaimAsString("center_code")).isEqualTo("ELE");
        assertThat(specialist.getClaimAsString("specialist_id")).isEqualTo("ele-is-02");
        assertThat(Duration.between(specialist.getIssuedAt(), specialist.getExpiresAt())).isEqualTo(Duration.ofHours(1));

        Jwt director = service.decode(tokens.director("phc"));
        assertThat(director.getClaimAsStringList("roles")).containsExactly("director");
        assertThat(director.getClaimAsString("center_code")).isEqualTo("PHC");
        assertThat(director.hasClaim("specialist_id")).isFalse();
    }

    @Test
    void reusedUntilHalfItsLifeIsGone() {
        MutableClock clock = new MutableClock();
        MintedStaffTokens tokens = new MintedStaffTokens(LocalIssuer.open(data), clock);
        String first = tokens.specialist("ELE", "ele-is-01");
        assertThat(tokens.specialist("ele", "ele-is-01")).isSameAs(first);
        assertThat(tokens.specialist("ELE", "ele-is-02")).isNotEqualTo(first);
        assertThat(tokens.director("ELE")).isNotEqualTo(first);

        clock.now = clock.now.plus(Duration.ofMinutes(29));
        assertThat(tokens.specialist("ELE", "ele-is-01")).isSameAs(first);
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertThat(tokens.specialist("ELE", "ele-is-01")).isNotEqualTo(first);
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-20T14:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
