package io.spineintake.platform.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The signed-in coordinator, from the JWT claims (shared by every coordinator function: triage-api
 * and prior-auth-pdf) API Gateway's authorizer verified. API Gateway
 * has checked the token (signature, issuer, audience, expiry) before the handler runs; the handler
 * checks the group itself: {@code cognito:groups} must name {@value #GROUP} exactly, as one of its
 * elements ({@link #groups}).
 */
public record CoordinatorClaims(String username) {
    public static final String GROUP = "coordinators";
    public static final int MAX_USERNAME_LENGTH = 128;
    private static final Pattern GROUP_NAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");

    /** The caller, when the claims name a user and the coordinators group; empty means 403. */
    public static Optional<CoordinatorClaims> from(APIGatewayV2HTTPEvent event) {
        return from(claims(event));
    }

    public static Optional<CoordinatorClaims> from(Map<String, String> claims) {
        if (claims == null || claims.isEmpty() || !groups(claims.get("cognito:groups")).contains(GROUP)) {
            return Optional.empty();
        }
        for (String claim : new String[] {"cognito:username", "username", "sub"}) {
            String name = claims.get(claim);
            if (name != null && !name.isEmpty()) {
                return validUsername(name) ? Optional.of(new CoordinatorClaims(name)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    public static Map<String, String> claims(APIGatewayV2HTTPEvent event) {
        if (event == null || event.getRequestContext() == null || event.getRequestContext().getAuthorizer() == null
                || event.getRequestContext().getAuthorizer().getJwt() == null) {
            return Map.of();
        }
        Map<String, String> claims = event.getRequestContext().getAuthorizer().getJwt().getClaims();
        return claims == null ? Map.of() : claims;
    }

    /**
     * The groups of a {@code cognito:groups} claim as an HTTP API's JWT authorizer passes it. Cognito
     * issues the claim as a JSON array; HTTP APIs hand every claim to the function as a string, and an
     * array as its elements joined by one space inside brackets, unquoted: {@code [coordinators]}
     * for one group, {@code [admins coordinators]} for two, {@code [a,b]} for ONE group named "a,b".
     * Cognito group names cannot contain whitespace (pattern {@code [\p{L}\p{M}\p{S}\p{N}\p{P}]+}),
     * so the single space is an unambiguous separator; commas, quotes and brackets are part of a name.
     * Anything else (no brackets, empty names from doubled spaces) is not a claim Cognito and API
     * Gateway could have made: no groups.
     */
    public static List<String> groups(String claim) {
        if (claim == null || claim.length() < 2 || claim.charAt(0) != '[' || claim.charAt(claim.length() - 1) != ']') {
            return List.of();
        }
        String inner = claim.substring(1, claim.length() - 1);
        if (inner.isEmpty()) {
            return List.of();
        }
        List<String> groups = List.of(inner.split(" ", -1));
        return groups.stream().allMatch(CoordinatorClaims::validGroupName) ? groups : List.of();
    }

    /** A Cognito group name: 1 to 128 letters, marks, symbols, digits or punctuation. */
    public static boolean validGroupName(String name) {
        return GROUP_NAME.matcher(name).matches() && name.codePointCount(0, name.length()) <= 128;
    }

    /** 1 to {@value #MAX_USERNAME_LENGTH} visible characters: no whitespace, no control characters. */
    public static boolean validUsername(String name) {
        if (name == null || name.isEmpty() || name.codePointCount(0, name.length()) > MAX_USERNAME_LENGTH) {
            return false;
        }
        return name.codePoints().allMatch(c -> !Character.isWhitespace(c) && !Character.isISOControl(c)
                && !Character.isSpaceChar(c) && Character.getType(c) != Character.FORMAT
                && Character.getType(c) != Character.UNASSIGNED && Character.getType(c) != Character.SURROGATE);
    }
}
