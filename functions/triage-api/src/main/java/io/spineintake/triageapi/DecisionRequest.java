package io.spineintake.triageapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.spineintake.platform.Json;
import io.spineintake.platform.http.Problem;
import io.spineintake.platform.referrals.Outcome;
import io.spineintake.platform.referrals.Referral;
import io.spineintake.triage.JsonPointer;
import io.spineintake.triage.assess.Disposition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The body of POST /referrals/{id}/decision, read strictly from a Jackson tree:
 * {@code {"outcome", "note"?, "overrideDisposition"?, "reason"?}}. Unknown fields, wrong types,
 * unknown values and rule breaks are 422 with one errors[] entry per field (JSON Pointers); a body
 * that is not one JSON object is 400. Error details never repeat a submitted value. Whether a
 * reason is required depends on the referral, so the aggregate decides that ({@link Referral.ReasonRequired}).
 */
final class DecisionRequest {

    static final int MAX_BODY_BYTES = 16 * 1024;
    static final int MAX_NOTE_LENGTH = 2000;
    static final int MAX_REASON_LENGTH = 1000;

    private static final Set<String> FIELDS = Set.of("outcome", "note", "overrideDisposition", "reason");

    private DecisionRequest() {
    }

    /** @throws ApiProblem 400 (malformed-body) or 422 (invalid-decision) */
    static Referral.Decision parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw malformed("The body must be one JSON object with at least an outcome.");
        }
        JsonNode root;
        try {
            root = Json.strict().readTree(body);
        } catch (IOException e) {
            throw malformed("The body is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw malformed("The body must be one JSON object.");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!FIELDS.contains(name)) {
                errors.add(new Problem.FieldError(JsonPointer.child("", name),
                        "Unknown field; the fields are outcome, note, overrideDisposition and reason."));
            }
        }
        Outcome outcome = oneOf(root, "outcome", true, Outcome.class, errors);
        String note = text(root, "note", false, errors);
        if (note != null && length(note) > MAX_NOTE_LENGTH) {
            errors.add(new Problem.FieldError("/note", "Must be at most " + MAX_NOTE_LENGTH + " characters."));
        }
        Disposition override = oneOf(root, "overrideDisposition", false, Disposition.class, errors);
        String reason = text(root, "reason", false, errors);
        boolean overrideGiven = root.hasNonNull("overrideDisposition");
        if (reason != null && (reason.isBlank() || length(reason) > MAX_REASON_LENGTH)) {
            errors.add(new Problem.FieldError("/reason",
                    "Must be 1 to " + MAX_REASON_LENGTH + " characters, not only spaces."));
        }
        if (outcome == Outcome.ESCALATE_TO_URGENT && overrideGiven) {
            errors.add(new Problem.FieldError("/overrideDisposition",
                    "Not allowed with ESCALATE_TO_URGENT, which sets the disposition URGENT_REVIEW itself."));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.of(422, ApiProblem.INVALID_DECISION, "Invalid decision",
                    errors.size() + " field(s) need attention.", errors);
        }
        return new Referral.Decision(outcome, note, override, reason);
    }

    /** The field's enum constant; null when absent (or null, if optional), an error when unknown. */
    private static <E extends Enum<E>> E oneOf(JsonNode root, String field, boolean required, Class<E> type,
                                               List<Problem.FieldError> errors) {
        String value = text(root, field, required, errors);
        if (value == null) {
            return null;
        }
        Optional<E> constant = Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value)).findFirst();
        if (constant.isEmpty()) {
            errors.add(new Problem.FieldError("/" + field, "Must be one of "
                    + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + "."));
        }
        return constant.orElse(null);
    }

    /** The field's string; null when absent (or JSON null, for optional fields); an error when not a string. */
    private static String text(JsonNode root, String field, boolean required, List<Problem.FieldError> errors) {
        JsonNode v = root.get(field);
        if (v == null || (v.isNull() && !required)) {
            if (required) {
                errors.add(new Problem.FieldError("/" + field, "Required."));
            }
            return null;
        }
        if (!v.isTextual()) {
            errors.add(new Problem.FieldError("/" + field, "Must be a string."));
            return null;
        }
        return v.textValue();
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    private static ApiProblem malformed(String detail) {
        return ApiProblem.of(400, ApiProblem.MALFORMED_BODY, "Malformed request body", detail,
                List.of(new Problem.FieldError("", detail)));
    }
}
