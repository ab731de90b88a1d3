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

    /**
     * Whether the body is declared JSON in UTF-8: media type application/json, and no charset
     * parameter or charset utf-8 (RFC 8259 makes JSON UTF-8; any other charset is a 415).
     */
    public static boolean isJson(APIGatewayV2HTTPEvent event) {
        return get(event, "content-type").map(Headers::isUtf8Json).orElse(false);
    }

    static boolean isUtf8Json(String contentType) {
        String[] parts = contentType.split(";");
        if (!parts[0].strip().toLowerCase(Locale.ROOT).equals("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].split("=", 2);
            if (param[0].strip().equalsIgnoreCase("charset")) {
                String value = param.length < 2 ? "" : param[1].strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                if (!value.equalsIgnoreCase("utf-8")) {
                    return false;
                }
            }
        }
        return true;
    }
}
