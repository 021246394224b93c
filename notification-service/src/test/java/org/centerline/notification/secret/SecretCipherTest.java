package org.centerline.notification.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static String key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    @Test
    void aSecretRoundTripsAndItsCiphertextNamesTheKeyAndHidesTheSecret() {
        SecretCipher cipher = new SecretCipher(Map.of("k1", key()), "k1");
        String secret = StandardWebhooks.newSecret();
        String stored = cipher.encrypt(secret, "sub-1");
        assertThat(stored).startsWith("k1:").doesNotContain(secret).doesNotContain(secret.substring(6));
        assertThat(cipher.encrypt(secret, "sub-1")).as("a fresh IV every time").isNotEqualTo(stored);
        assertThat(cipher.decrypt(stored, "sub-1")).isEqualTo(secret);
    }

    @Test
    void aCiphertextMovedToAnotherSubscriptionOrAlteredDoesNotDecrypt() {
        SecretCipher cipher = new SecretCipher(Map.of("k1", key()), "k1");
        String stored = cipher.encrypt("whsec_abc", "sub-1");
        assertThatThrownBy(() -> cipher.decrypt(stored, "sub-2")).isInstanceOf(IllegalStateException.class);
        byte[] raw = Base64.getDecoder().decode(stored.substring(3));
        raw[raw.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt("k1:" + Base64.getEncoder().encodeToString(raw), "sub-1"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keysRotateOldCiphertextsStillDecryptNewOnesUseTheCurrentKey() {
        String k1 = key();
        String k2 = key();
        SecretCipher before = new SecretCipher(Map.of("k1", k1), "k1");
        String old = before.encrypt("whsec_old", "sub-1");

        SecretCipher after = new SecretCipher(Map.of("k1", k1, "k2", k2), "k2");
        assertThat(after.decrypt(old, "sub-1")).isEqualTo("whsec_old");
        String fresh = after.encrypt("whsec_new", "sub-1");
        assertThat(SecretCipher.keyIdOf(fresh)).isEqualTo("k2");
        assertThat(after.decrypt(fresh, "sub-1")).isEqualTo("whsec_new");

        SecretCipher retired = new SecretCipher(Map.of("k2", k2), "k2");
        assertThatThrownBy(() -> retired.decrypt(old, "sub-1")).hasMessageContaining("'k1'");
    }

    @Test
    void theDevelopmentKeyOnlyWhenKafkaIsOnLoopbackElseStartUpFailsClearly() {
        assertThat(SecretCipher.fromSettings(Map.of(), null, List.of("localhost:9092", "127.0.0.1:9093", "[::1]:9094"))
                .currentKeyId()).isEqualTo(SecretCipher.DEV_KEY_ID);
        assertThatThrownBy(() -> SecretCipher.fromSettings(Map.of(), null, List.of("kafka:9092")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("centerline.notification.secret-keys").hasMessageContaining("kafka:9092");
        assertThatThrownBy(() -> SecretCipher.fromSettings(null, null, List.of("localhost:9092", "10.0.0.5:9092")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(SecretCipher.fromSettings(Map.of("prod", key()), "prod", List.of("kafka:9092")).currentKeyId())
                .isEqualTo("prod");
        assertThatThrownBy(() -> new SecretCipher(Map.of("a", key(), "b", key()), "c"))
                .hasMessageContaining("secret-key-id");
    }

    @Test
    void standardWebhooksSignatureMatchesTheSpecificationsExample() {
        // The example of the Standard Webhooks reference libraries' tests.
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
        String timestamp = "1614265330";
        byte[] body = "{\"test\": 2432232314}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(StandardWebhooks.sign(secret, id, timestamp, body))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assertThat(StandardWebhooks.isSecret(StandardWebhooks.newSecret())).isTrue();
    }
}
