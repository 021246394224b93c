package org.centerline.localstack.security;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The ready-made tokens of one minting, and {@code tokens.env} as text: what the local stack prints once it is
 * up, so a newcomer can {@code source} the file and curl every API.
 *
 * @param tokens     one per {@link ReadyMadeCaller}, in its order
 * @param validUntil when they expire
 * @param file       where {@code tokens.env} is written
 */
public record ReadyTokens(List<Minted> tokens, Instant validUntil, Path file) {

    /** One caller's token. */
    public record Minted(ReadyMadeCaller caller, String token) {
    }

    public ReadyTokens {
        tokens = List.copyOf(tokens);
    }

    /** The token of the caller with that variable, e.g. {@code OPS_TOKEN}. */
    public String token(String variable) {
        return tokens.stream().filter(m -> m.caller().variable().equals(variable)).map(Minted::token).findFirst()
                .orElseThrow(() -> new NoSuchElementException(variable));
    }

    /** {@code tokens.env}: a comment per caller, then {@code export VARIABLE=token}. */
    public String envText() {
        StringBuilder out = new StringBuilder()
                .append("# Centerline local stack: ready-made bearer tokens (issuer https://issuer.centerline.invalid/local-stack, audience centerline),\n")
                .append("# valid until ").append(validUntil).append(". Use: source ").append(file)
                .append(", then curl -H \"Authorization: Bearer $FILER_TOKEN\" ...\n");
        for (Minted m : tokens) {
            out.append("# ").append(m.caller().describe()).append('\n')
                    .append("export ").append(m.caller().variable()).append('=').append(m.token()).append('\n');
        }
        return out.toString();
    }
}
