package io.spineintake.platform.http;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

/** Request headers, looked up case-insensitively (HTTP header names are case-insensitive). */
public final class Headers {

    private Headers() {
    }

    /** The header's value, if present; API Gateway joins repeated headers with commas. */
    public static Optional<String> get(APIGatewayV2HTTPEvent event, String name) {
        if (event == null || event.getHeaders() == null || name == null) {
            return Optional.empty();
        }
        Map<String, String> headers = event.getHeaders();
        String exact = headers.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                return Optional.ofNullable(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** Whether the body is declared application/json (parameters such as charset=utf-8 allowed). */
    public static boolean isJson(APIGatewayV2HTTPEvent event) {
        return get(event, "content-type")
                .map(t -> t.split(";", 2)[0].trim().toLowerCase(Locale.ROOT).equals("application/json"))
                .orElse(false);
    }
}
