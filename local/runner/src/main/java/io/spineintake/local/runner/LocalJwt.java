package io.spineintake.local.runner;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineintake.platform.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The local stand-in for Cognito and API Gateway's JWT authorizer: issues HS256 access tokens for
 * a named coordinator (development only: a fresh secret every run, nothing persisted) and
 * verifies them, handing on the claims as API Gateway does (every claim a string, groups as
 * "[a b]").
 */
final class LocalJwt {
    static final String ISSUER_PATH = "/local";
    private static final ObjectMapper JSON = Json.mapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final byte[] secret = new byte[32];
    private final String issuer;
    private final Clock clock;

    LocalJwt(String issuer, Clock clock) {
        new SecureRandom().nextBytes(secret);
        this.issuer = issuer;
        this.clock = clock;
    }

    String issue(String username, List<String> groups, long ttlSeconds) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString());
        claims.put("cognito:username", username);
        if (!groups.isEmpty()) {
            claims.put("cognito:groups", groups); // Cognito leaves the claim out for a user in no group
        }
        claims.put("iss", issuer);
        claims.put("client_id", "local-coordinator-worklist");
        claims.put("token_use", "access");
        claims.put("scope", "aws.cognito.signin.user.admin");
        claims.put("iat", now);
        claims.put("exp", now + ttlSeconds);
        String header = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        try {
            String payload = B64.encodeToString(JSON.writeValueAsBytes(claims));
            return header + "." + payload + "." + B64.encodeToString(sign(header + "." + payload));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims as API Gateway passes them, or empty when the token is missing, forged or expired. */
    Optional<Map<String, String>> verify(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String[] parts = authorization.substring(7).trim().split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            if (!MessageDigest.isEqual(sign(parts[0] + "." + parts[1]), B64D.decode(parts[2]))) {
                return Optional.empty();
            }
            Map<String, Object> claims = JSON.readValue(B64D.decode(parts[1]), new TypeReference<Map<String, Object>>() { });
            long exp = ((Number) claims.getOrDefault("exp", 0)).longValue();
            if (!issuer.equals(claims.get("iss")) || exp <= clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
            Map<String, String> asGateway = new LinkedHashMap<>();
            claims.forEach((k, v) -> asGateway.put(k, v instanceof List<?> l
                    ? "[" + String.join(" ", l.stream().map(Object::toString).toList()) + "]" : String.valueOf(v)));
            return Optional.of(asGateway);
        } catch (IllegalArgumentException | java.io.IOException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
