package io.spineintake.platform.blocks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The patient's diary link: a capability of 32 random bytes (256 bits) from {@link SecureRandom},
 * base64url without padding (43 characters), for one episode, valid until 48 hours after the block
 * ended. It is shown once when issued, travels only in {@code Authorization: Diary <token>}, and is
 * stored only as its SHA-256; it is never logged.
 */
public final class DiaryLinks {
    public static final int TOKEN_BYTES = 32;
    public static final Duration VALID_AFTER_BLOCK = Duration.ofHours(48);
    public static final String SCHEME = "Diary";
    private static final Pattern HEADER = Pattern.compile("(?i:diary) ([A-Za-z0-9_-]{43})");

    /** What the episode's link is now, as the coordinators see it. */
    public enum Status { NONE, ACTIVE, EXPIRED, REVOKED }

    /** A new capability and its hash. */
    public record Issued(String token, String hash) {
        @Override
        public String toString() {
            return "Issued[hash=" + hash + "]"; // never the token
        }
    }

    private DiaryLinks() {
    }

    /** A fresh capability. The generator is made per call, never at class initialisation (SnapStart would share its state). */
    public static Issued issue() {
        byte[] bytes = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(token, hash(token));
    }

    /** SHA-256 of the capability, hex: the only form it is stored in. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** The capability in an Authorization header value, if it is one: "Diary" (any case), one space, 43 base64url characters. */
    public static Optional<String> fromHeader(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        Matcher m = HEADER.matcher(authorization.strip());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public static Instant expiresAt(Instant blockEnded) {
        return blockEnded.plus(VALID_AFTER_BLOCK);
    }

    /** The episode's link status at {@code now}. */
    public static Status status(EpisodeItem episode, Instant now) {
        if (episode.linkHash() != null) {
            return now.isBefore(Instant.parse(episode.linkExpiresAt())) ? Status.ACTIVE : Status.EXPIRED;
        }
        return episode.linkRevokedAt() != null ? Status.REVOKED : Status.NONE;
    }
}
