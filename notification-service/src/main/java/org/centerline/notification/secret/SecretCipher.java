package org.centerline.notification.secret;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook secrets at rest: AES-256-GCM with a key from {@code centerline.notification.secret-keys} (key id ->
 * base64 of 16, 24 or 32 bytes); new secrets are encrypted with {@code secret-key-id}, and every ciphertext
 * names the key it was made with ({@code <key id>:<base64 of IV (12 bytes) + ciphertext + tag>}), so keys can
 * rotate: add the new key, make it current, and the old one keeps decrypting what it encrypted. The
 * subscription id is the additional authenticated data: a ciphertext copied onto another subscription does
 * not decrypt.
 */
public final class SecretCipher {

    /** The local stack's key: used only when no key is configured and every Kafka server is on loopback. */
    public static final String DEV_KEY_ID = "dev";
    private static final byte[] DEV_KEY = "centerline-local-dev-secret-key!".getBytes(StandardCharsets.US_ASCII);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys;
    private final String currentKeyId;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(Map<String, String> base64Keys, String currentKeyId) {
        if (base64Keys == null || base64Keys.isEmpty()) {
            throw new IllegalArgumentException("No webhook secret keys");
        }
        Map<String, SecretKey> parsed = new LinkedHashMap<>();
        base64Keys.forEach((id, key) -> {
            if (id.contains(":")) {
                throw new IllegalArgumentException("A key id may not contain ':' (" + id + ")");
            }
            byte[] bytes = Base64.getDecoder().decode(key.strip());
            if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
                throw new IllegalArgumentException("Key " + id + " is " + bytes.length + " bytes; AES needs 16, 24 or 32");
            }
            parsed.put(id, new SecretKeySpec(bytes, "AES"));
        });
        String current = currentKeyId != null ? currentKeyId : (parsed.size() == 1 ? parsed.keySet().iterator().next() : null);
        if (current == null || !parsed.containsKey(current)) {
            throw new IllegalArgumentException("centerline.notification.secret-key-id must name one of the keys "
                    + parsed.keySet() + " (is " + currentKeyId + ")");
        }
        this.keys = Map.copyOf(parsed);
        this.currentKeyId = current;
    }

    /**
     * The cipher the settings give; without keys, the development key when every Kafka server is on loopback (the
     * local stack, tests), else a refusal to start.
     */
    public static SecretCipher fromSettings(Map<String, String> base64Keys, String currentKeyId, List<String> bootstrapServers) {
        if (base64Keys != null && !base64Keys.isEmpty()) {
            return new SecretCipher(base64Keys, currentKeyId);
        }
        if (!allLoopback(bootstrapServers)) {
            throw new IllegalStateException("Webhook secrets are stored encrypted and no key is configured: set "
                    + "centerline.notification.secret-keys.<id>=<base64 of 32 random bytes> and "
                    + "centerline.notification.secret-key-id=<id> (e.g. CENTERLINE_NOTIFICATION_SECRETKEYS_K1 and "
                    + "CENTERLINE_NOTIFICATION_SECRETKEYID=k1). The built-in development key is used only when Kafka is on "
                    + "loopback (the local stack); Kafka here is " + bootstrapServers + ".");
        }
        return new SecretCipher(Map.of(DEV_KEY_ID, Base64.getEncoder().encodeToString(DEV_KEY)), DEV_KEY_ID);
    }

    static boolean allLoopback(List<String> servers) {
        if (servers == null || servers.isEmpty()) {
            return false;
        }
        for (String server : servers) {
            String host = server.strip();
            int colon = host.lastIndexOf(':');
            if (host.startsWith("[")) {
                host = host.substring(1, host.indexOf(']'));
            } else if (colon > 0 && host.indexOf(':') == colon) {
                host = host.substring(0, colon);
            }
            if (host.equalsIgnoreCase("localhost")) {
                continue;
            }
            try {
                // Literals only: a name other than localhost is not taken as loopback, whatever it resolves to.
                if (!host.matches("[0-9.]+|[0-9a-fA-F:]+") || !InetAddress.getByName(host).isLoopbackAddress()) {
                    return false;
                }
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return true;
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    /** {@code <key id>:<base64 of IV + ciphertext + tag>}, bound to {@code context} (the subscription id). */
    public String encrypt(String plain, String context) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return currentKeyId + ":" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The plain text of {@link #encrypt}'s answer; fails when the key is unknown or the text or context altered. */
    public String decrypt(String stored, String context) {
        int colon = stored.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("Not an encrypted secret");
        }
        String keyId = stored.substring(0, colon);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("The webhook secret was encrypted with key '" + keyId
                    + "', which centerline.notification.secret-keys no longer holds");
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(colon + 1));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The webhook secret does not decrypt with key '" + keyId + "'", e);
        }
    }

    /** The key id a stored secret names. */
    public static String keyIdOf(String stored) {
        int colon = stored.indexOf(':');
        return colon < 0 ? null : stored.substring(0, colon);
    }
}
