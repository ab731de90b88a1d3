package io.spineintake.triageapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The signed-in coordinator, from the JWT claims API Gateway's authorizer verified. API Gateway
 * has checked the token (signature, issuer, audience, expiry) before the handler runs; the handler
 * checks the group itself: {@code cognito:groups} must contain {@value #GROUP}.
 */
public record Coordinator(String username) {
    public static final String GROUP = "coordinators";
    public static final int MAX_USERNAME_LENGTH = 128;

    /** The caller, when the claims name a user and the coordinators group; empty means 403. */
    public static Optional<Coordinator> from(APIGatewayV2HTTPEvent event) {
        return from(claims(event));
    }

    static Optional<Coordinator> from(Map<String, String> claims) {
        if (claims == null || claims.isEmpty() || !groups(claims.get("cognito:groups")).contains(GROUP)) {
            return Optional.empty();
        }
        for (String claim : new String[] {"cognito:username", "username", "sub"}) {
            String name = claims.get(claim);
            if (name != null && !name.isEmpty()) {
                return validUsername(name) ? Optional.of(new Coordinator(name)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    static Map<String, String> claims(APIGatewayV2HTTPEvent event) {
        if (event == null || event.getRequestContext() == null || event.getRequestContext().getAuthorizer() == null
                || event.getRequestContext().getAuthorizer().getJwt() == null) {
            return Map.of();
        }
        Map<String, String> claims = event.getRequestContext().getAuthorizer().getJwt().getClaims();
        return claims == null ? Map.of() : claims;
    }

    /**
     * The groups of a {@code cognito:groups} claim as HTTP APIs pass it: a string such as
     * {@code [coordinators other]}, {@code coordinators}, {@code ["coordinators","other"]} or
     * {@code coordinators,other}.
     */
    static Set<String> groups(String claim) {
        Set<String> groups = new LinkedHashSet<>();
        if (claim == null) {
            return groups;
        }
        String s = claim.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        for (String token : s.split("[\\s,]+")) {
            String t = token.strip();
            while (t.length() >= 1 && (t.charAt(0) == '"' || t.charAt(0) == '\'')) {
                t = t.substring(1);
            }
            while (t.length() >= 1 && (t.charAt(t.length() - 1) == '"' || t.charAt(t.length() - 1) == '\'')) {
                t = t.substring(0, t.length() - 1);
            }
            if (!t.isEmpty()) {
                groups.add(t);
            }
        }
        return groups;
    }

    /** 1 to {@value #MAX_USERNAME_LENGTH} visible characters: no whitespace, no control characters. */
    static boolean validUsername(String name) {
        if (name == null || name.isEmpty() || name.codePointCount(0, name.length()) > MAX_USERNAME_LENGTH) {
            return false;
        }
        return name.codePoints().allMatch(c -> !Character.isWhitespace(c) && !Character.isISOControl(c)
                && !Character.isSpaceChar(c) && Character.getType(c) != Character.FORMAT
                && Character.getType(c) != Character.UNASSIGNED && Character.getType(c) != Character.SURROGATE);
    }
}
