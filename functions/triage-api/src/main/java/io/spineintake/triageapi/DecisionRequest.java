package io.spineintake.triageapi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.spineintake.platform.http.Problem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The body of POST /referrals/{id}/decision, read strictly from a Jackson tree:
 * {@code {"outcome", "note"?, "overrideDisposition"?, "overrideReason"?}}. Unknown fields, wrong
 * types, unknown values and rule breaks are 422 with one errors[] entry per field (JSON Pointers);
 * a body that is not one JSON object is 400. Error details never repeat a submitted value.
 */
public record DecisionRequest(String outcome, String note, String overrideDisposition, String overrideReason) {

    public static final int MAX_BODY_BYTES = 16 * 1024;
    public static final int MAX_NOTE_LENGTH = 2000;
    public static final int MAX_REASON_LENGTH = 1000;

    /** Outcomes that close the referral (status DECIDED, off the worklist). */
    public static final List<String> CLOSING_OUTCOMES =
            List.of("SCHEDULE_CONSULT", "CONSERVATIVE_CARE_FIRST", "OTHER_PATHWAY", "REFERRED_TO_EMERGENCY_CARE", "DECLINED");
    public static final String NEEDS_MORE_INFORMATION = "NEEDS_MORE_INFORMATION";
    public static final String ESCALATE_TO_URGENT = "ESCALATE_TO_URGENT";
    public static final List<String> OUTCOMES = List.of("SCHEDULE_CONSULT", NEEDS_MORE_INFORMATION,
            "CONSERVATIVE_CARE_FIRST", "OTHER_PATHWAY", ESCALATE_TO_URGENT, "REFERRED_TO_EMERGENCY_CARE", "DECLINED");

    /**
     * The outcomes a referral of each disposition can be given as it stands. Anything else decides
     * against the disposition: it needs an overrideDisposition (with its reason, audited) whose own
     * outcomes include it. An emergency is never closed as a routine consult without one.
     */
    static final java.util.Map<String, List<String>> OUTCOMES_BY_DISPOSITION = java.util.Map.of(
            "EMERGENCY", List.of("REFERRED_TO_EMERGENCY_CARE", NEEDS_MORE_INFORMATION, "DECLINED"),
            "URGENT_REVIEW", List.of("REFERRED_TO_EMERGENCY_CARE", NEEDS_MORE_INFORMATION, "DECLINED"),
            "CONSULT", List.of("SCHEDULE_CONSULT", NEEDS_MORE_INFORMATION, ESCALATE_TO_URGENT, "DECLINED"),
            "OTHER_PATHWAY", List.of("OTHER_PATHWAY", NEEDS_MORE_INFORMATION, ESCALATE_TO_URGENT, "DECLINED"),
            "CONSERVATIVE_CARE_FIRST", List.of("CONSERVATIVE_CARE_FIRST", NEEDS_MORE_INFORMATION, ESCALATE_TO_URGENT,
                    "DECLINED"));

    static List<String> outcomesFor(String disposition) {
        return OUTCOMES_BY_DISPOSITION.getOrDefault(disposition, List.of());
    }
    public static final List<String> OVERRIDE_DISPOSITIONS =
            List.of("EMERGENCY", "URGENT_REVIEW", "OTHER_PATHWAY", "CONSERVATIVE_CARE_FIRST", "CONSULT");

    private static final Set<String> FIELDS = Set.of("outcome", "note", "overrideDisposition", "overrideReason");

    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build()).build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    public boolean closes() {
        return CLOSING_OUTCOMES.contains(outcome);
    }

    /** @throws ApiProblem 400 (malformed-body) or 422 (invalid-decision) */
    public static DecisionRequest parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw malformed("The body must be one JSON object with at least an outcome.");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
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
                errors.add(new Problem.FieldError(pointer(name),
                        "Unknown field; the fields are outcome, note, overrideDisposition and overrideReason."));
            }
        }
        String outcome = text(root, "outcome", true, errors);
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            errors.add(new Problem.FieldError("/outcome", "Must be one of " + String.join(", ", OUTCOMES) + "."));
            outcome = null;
        }
        String note = text(root, "note", false, errors);
        if (note != null && length(note) > MAX_NOTE_LENGTH) {
            errors.add(new Problem.FieldError("/note", "Must be at most " + MAX_NOTE_LENGTH + " characters."));
        }
        String override = text(root, "overrideDisposition", false, errors);
        if (override != null && !OVERRIDE_DISPOSITIONS.contains(override)) {
            errors.add(new Problem.FieldError("/overrideDisposition",
                    "Must be one of " + String.join(", ", OVERRIDE_DISPOSITIONS) + "."));
        }
        String reason = text(root, "overrideReason", false, errors);
        boolean overrideGiven = root.hasNonNull("overrideDisposition");
        if (reason != null && (reason.isBlank() || length(reason) > MAX_REASON_LENGTH)) {
            errors.add(new Problem.FieldError("/overrideReason",
                    "Must be 1 to " + MAX_REASON_LENGTH + " characters, not only spaces."));
        } else if (overrideGiven && !root.hasNonNull("overrideReason")) {
            errors.add(new Problem.FieldError("/overrideReason", "Required when overrideDisposition is given."));
        } else if (!overrideGiven && root.hasNonNull("overrideReason")) {
            errors.add(new Problem.FieldError("/overrideReason", "Only allowed together with overrideDisposition."));
        }
        if (ESCALATE_TO_URGENT.equals(outcome) && overrideGiven) {
            errors.add(new Problem.FieldError("/overrideDisposition",
                    "Not allowed with ESCALATE_TO_URGENT, which sets the disposition URGENT_REVIEW itself."));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.of(422, ApiProblem.INVALID_DECISION, "Invalid decision",
                    errors.size() + " field(s) need attention.", errors);
        }
        return new DecisionRequest(outcome, note, override, reason);
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

    /** RFC 6901: "~" as "~0", "/" as "~1". */
    static String pointer(String field) {
        return "/" + field.replace("~", "~0").replace("/", "~1");
    }

    private static ApiProblem malformed(String detail) {
        return ApiProblem.of(400, ApiProblem.MALFORMED_BODY, "Malformed request body", detail,
                List.of(new Problem.FieldError("", detail)));
    }

    /** Field names only: the note and reason are clinical text, not for logs. */
    @Override
    public String toString() {
        return "DecisionRequest[outcome=" + outcome + ", overrideDisposition=" + overrideDisposition + "]";
    }
}
