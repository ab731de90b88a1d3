package io.spineintake.triageapi;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes worklist cursors tamper-evident: {@code base64url(payload) "." base64url(HMAC-SHA256)}.
 * The key is the stack's generated secret (WORKLIST_CURSOR_KEY), the same in every instance of the
 * function, so a cursor made by one instance is read by another; a rotated key only makes clients
 * start paging again.
 */
final class CursorSigner {
    static final int MIN_KEY_BYTES = 32;
    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    CursorSigner(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the cursor key must be at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key, HMAC);
    }

    CursorSigner(String key) {
        this(key == null ? null : key.getBytes(StandardCharsets.UTF_8));
    }

    String sign(byte[] payload) {
        return B64.encodeToString(payload) + "." + B64.encodeToString(mac(payload));
    }

    /** The payload when {@code token} is one this key signed; empty for anything else. */
    Optional<byte[]> verify(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            byte[] payload = B64D.decode(token.substring(0, dot));
            byte[] tag = B64D.decode(token.substring(dot + 1));
            return MessageDigest.isEqual(mac(payload), tag) ? Optional.of(payload) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(HMAC); // Mac is not thread-safe: one per call (cheap)
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
