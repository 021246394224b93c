package org.centerline.localstack.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.centerline.localstack.simulator.StaffTokens;
import org.centerline.security.Caller;
import org.centerline.security.Role;

/**
 * The simulated specialists' and directors' tokens, minted by the local issuer: one per person, valid an hour
 * and minted again after half of it, so a stack left running never sends an expired one.
 */
public final class MintedStaffTokens implements StaffTokens {

    static final Duration LIFETIME = Duration.ofHours(1);
    static final Duration RENEW_AFTER = LIFETIME.dividedBy(2);

    private final LocalIssuer issuer;
    private final Clock clock;
    private final Map<String, Minted> cache = new ConcurrentHashMap<>();

    public MintedStaffTokens(LocalIssuer issuer) {
        this(issuer, Clock.systemUTC());
    }

    MintedStaffTokens(LocalIssuer issuer, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
    }

    @Override
    public String specialist(String centerCode, String specialistId) {
        String center = centerCode.toUpperCase(Locale.ROOT);
        return cached(specialistId, Role.SPECIALIST,
                ReadyMadeCaller.claims(Caller.CENTER_CODE, center, Caller.SPECIALIST_ID, specialistId));
    }

    @Override
    public String director(String centerCode) {
        String center = centerCode.toUpperCase(Locale.ROOT);
        return cached("director-" + center, Role.DIRECTOR, ReadyMadeCaller.claims(Caller.CENTER_CODE, center));
    }

    private String cached(String subject, Role role, Map<String, String> party) {
        String key = role + "|" + party;
        Instant now = clock.instant();
        return cache.compute(key, (k, old) -> old != null && old.mintedAt().plus(RENEW_AFTER).isAfter(now) ? old
                : new Minted(issuer.mint(subject, List.of(role), party, LIFETIME), now)).token();
    }

    private record Minted(String token, Instant mintedAt) {
    }
}
