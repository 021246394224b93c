package org.centerline.routing.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict UTF-8 check agrees with the JDK's strict decoder, and refuses what the JSON parser would let through. */
class Utf8Test {

    @ParameterizedTest
    @ValueSource(strings = {"C0AF", "E080AF", "F08080AF", "F4908080", "EDA080", "E282", "80", "FF", "F5808080", "00"})
    void refusesOverlongsSurrogatesOutOfRangeTruncatedAndNul(String hex) {
        assertThat(Utf8.firstInvalid(hex(hex))).isZero();
    }

    @Test
    void acceptsWellFormedTextAndPointsAtTheFirstBadByte() {
        assertThat(Utf8.firstInvalid("{\"country\":\"Côte d'Ivoire 中国 😀\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
        assertThat(Utf8.firstInvalid("{}".getBytes(StandardCharsets.UTF_16LE))).isEqualTo(1);
        byte[] mixed = "ab€".getBytes(StandardCharsets.UTF_8);
        mixed[3] = (byte) 0x41; // cut the euro sign's second byte
        assertThat(Utf8.firstInvalid(mixed)).isEqualTo(2);
    }

    @Test
    void agreesWithTheJdkStrictDecoderOnRandomBytes() {
        Random random = new Random(3629);
        for (int i = 0; i < 200_000; i++) {
            byte[] bytes = new byte[random.nextInt(8)];
            for (int k = 0; k < bytes.length; k++) {
                // Mostly the interesting lead and continuation bytes.
                bytes[k] = (byte) (random.nextBoolean() ? 0x80 + random.nextInt(0x80) : random.nextInt(0x100));
            }
            boolean jdk = strictlyDecodes(bytes) && !containsNul(bytes);
            assertThat(Utf8.firstInvalid(bytes) < 0).as("bytes %s", java.util.HexFormat.of().formatHex(bytes)).isEqualTo(jdk);
        }
    }

    private static boolean strictlyDecodes(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean containsNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private static byte[] hex(String hex) {
        return java.util.HexFormat.of().parseHex(hex);
    }
}
