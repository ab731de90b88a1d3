package io.spineintake.drafts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * A resume code: 8 characters from an alphabet without the look-alikes 0/O, 1/I/L, shown as
 * "ABCD-EFGH". 31^8 is about 2^39.6 codes; with the date of birth and the lock after 5 wrong tries
 * that is far beyond guessing. A code is stored only as its hash and never logged.
 */
final class ResumeCode {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 8;

    /** Made on first {@link #generate()}, so that reading a code (SnapStart priming) creates no SecureRandom. */
    private static final class Random {
        static final SecureRandom INSTANCE = new SecureRandom();
    }

    private ResumeCode() {
    }

    /** A new random code, normalised (no hyphen). */
    static String generate() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(Random.INSTANCE.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /** "ABCDEFGH" as the patient sees it: "ABCD-EFGH". */
    static String display(String code) {
        return code.substring(0, 4) + "-" + code.substring(4);
    }

    /** What a patient typed, upper-cased without spaces and hyphens, if it can be a code at all. */
    static Optional<String> normalise(String typed) {
        if (typed == null || typed.length() > 32) {
            return Optional.empty();
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(code);
    }

    /** The table key of a normalised code: SHA-256 hex, so the code itself is stored nowhere. */
    static String key(String code) {
        return sha256Hex("spine-intake draft " + code);
    }

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
