package io.spineintake.platform.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.spineintake.triage.JsonPointer;
import java.util.List;
import java.util.Optional;

/**
 * The request target (path and query string) as API Gateway passes it: raw, percent-escapes
 * included. API Gateway does not refuse a malformed escape such as {@code %ZZ} or a lone {@code %};
 * the function does, with a 400 problem like every other bad request.
 */
public final class RequestTargets {
    public static final String MALFORMED_TARGET = "urn:spine-intake:problem:malformed-request-target";

    private RequestTargets() {
    }

    /** A 400 problem when the raw path or query string holds a malformed percent-escape. */
    public static Optional<Problem> malformedEscape(APIGatewayV2HTTPEvent event) {
        if (event == null) {
            return Optional.empty();
        }
        if (malformed(event.getRawPath())) {
            return Optional.of(problem("/path", "The path holds a malformed percent-escape (% must be followed by two hex digits)."));
        }
        String query = event.getRawQueryString();
        if (query != null && malformed(query)) {
            for (String pair : query.split("&")) {
                if (malformed(pair)) {
                    String name = pair.split("=", 2)[0];
                    String pointer = malformed(name) ? "/query" : JsonPointer.child("/query", name);
                    return Optional.of(problem(pointer,
                            "The query string holds a malformed percent-escape (% must be followed by two hex digits)."));
                }
            }
        }
        return Optional.empty();
    }

    static boolean malformed(String s) {
        if (s == null) {
            return false;
        }
        for (int i = s.indexOf('%'); i >= 0; i = s.indexOf('%', i + 1)) {
            if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0 || Character.digit(s.charAt(i + 2), 16) < 0) {
                return true;
            }
        }
        return false;
    }

    private static Problem problem(String pointer, String detail) {
        return Problem.of(400, "Malformed request target", detail).withType(MALFORMED_TARGET)
                .withErrors(List.of(new Problem.FieldError(pointer, detail)));
    }
}
