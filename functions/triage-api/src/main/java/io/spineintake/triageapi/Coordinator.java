package io.spineintake.triageapi;

import io.spineintake.platform.http.CoordinatorClaims;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signed-in coordinator, from the JWT claims API Gateway's authorizer verified; the checks are
 * {@link CoordinatorClaims}' (shared with the PDF function): {@code cognito:groups} must name
 * {@value #GROUP} exactly, as one of its elements.
 */
public record Coordinator(String username) {
    public static final String GROUP = CoordinatorClaims.GROUP;
    public static final int MAX_USERNAME_LENGTH = CoordinatorClaims.MAX_USERNAME_LENGTH;

    /** The caller, when the claims name a user and the coordinators group; empty means 403. */
    public static Optional<Coordinator> from(APIGatewayV2HTTPEvent event) {
        return from(claims(event));
    }

    static Optional<Coordinator> from(Map<String, String> claims) {
        return CoordinatorClaims.from(claims).map(c -> new Coordinator(c.username()));
    }

    static Map<String, String> claims(APIGatewayV2HTTPEvent event) {
        return CoordinatorClaims.claims(event);
    }

    static List<String> groups(String claim) {
        return CoordinatorClaims.groups(claim);
    }

    static boolean validGroupName(String name) {
        return CoordinatorClaims.validGroupName(name);
    }

    static boolean validUsername(String name) {
        return CoordinatorClaims.validUsername(name);
    }
}
