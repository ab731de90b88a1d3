package io.spineintake.platform.http;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An RFC 9457 problem details object (application/problem+json), with an {@code errors} extension
 * listing field errors as JSON Pointers into the request body. Details name fields and rules,
 * never the submitted values.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    /** RFC 9457: "about:blank" means the problem is just the HTTP status. */
    public static final String ABOUT_BLANK = "about:blank";

    public Problem {
        type = type == null || type.isBlank() ? ABOUT_BLANK : type;
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem(ABOUT_BLANK, title, status, detail, null, List.of());
    }

    public Problem withType(String newType) {
        return new Problem(newType, title, status, detail, instance, errors);
    }

    public Problem withErrors(List<FieldError> newErrors) {
        return new Problem(type, title, status, detail, instance, newErrors);
    }

    /** One invalid field: a JSON Pointer (RFC 6901) into the request body and what is wrong there. */
    @JsonPropertyOrder({"pointer", "detail"})
    public record FieldError(String pointer, String detail) {
    }
}
