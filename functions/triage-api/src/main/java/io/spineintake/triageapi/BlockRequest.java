package io.spineintake.triageapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.spineintake.platform.Json;
import io.spineintake.platform.http.Problem.FieldError;
import io.spineintake.triage.JsonPointer;
import io.spineintake.triage.block.DiagnosticBlock;
import io.spineintake.triage.block.SpinalLevel;
import io.spineintake.triage.form.Anaesthetic;
import io.spineintake.triage.form.Region;
import io.spineintake.triage.form.Side;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The body of POST /referrals/{id}/blocks, checked field by field so every refusal points at its
 * field (RFC 6901). Numbers are whole JSON numbers: "2-8", "5" and 5.5 are refused, as is a
 * baseline of 0 (relief cannot be measured against no pain).
 */
record BlockRequest(Instant endedAt, Region region, List<SpinalLevel> levels, Side side, Anaesthetic anaesthetic,
                    DiagnosticBlock diagnosticBlock, int baselineNrs) {

    static final int MAX_BODY_BYTES = 16 * 1024;
    static final String INVALID_BLOCK = ApiProblem.PREFIX + "invalid-block";
    /** A block recorded as ending later than this after now is a typing error (clock skew allowed). */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Set<String> FIELDS = Set.of("endedAt", "region", "levels", "side", "anaesthetic",
            "diagnosticBlock", "baselineNrs");

    static BlockRequest parse(byte[] body, Instant now) {
        JsonNode root;
        try {
            root = Json.strict().readTree(body);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            throw ApiProblem.of(400, ApiProblem.MALFORMED_BODY, "Malformed body", "The request body must be one JSON object.",
                    List.of(new FieldError("", "The request body must be one JSON object.")));
        }
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(JsonPointer.child("", name), "This field is not part of a block."));
            }
        }
        Instant endedAt = endedAt(root.get("endedAt"), now, errors);
        Region region = choice(root, "region", EnumSet.allOf(Region.class), Region::valueOf, errors);
        Side side = choice(root, "side", EnumSet.of(Side.LEFT, Side.RIGHT, Side.BOTH), Side::valueOf, errors);
        Anaesthetic anaesthetic = choice(root, "anaesthetic", EnumSet.of(Anaesthetic.LIDOCAINE, Anaesthetic.BUPIVACAINE),
                Anaesthetic::valueOf, errors);
        DiagnosticBlock block = choice(root, "diagnosticBlock", EnumSet.allOf(DiagnosticBlock.class),
                DiagnosticBlock::valueOf, errors);
        List<SpinalLevel> levels = levels(root.get("levels"), region, errors);
        Integer baseline = baseline(root.get("baselineNrs"), errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.of(422, INVALID_BLOCK, "Invalid block", "Some fields of the block are missing or not valid.", errors);
        }
        return new BlockRequest(endedAt, region, levels, side, anaesthetic, block, baseline);
    }

    private static Instant endedAt(JsonNode node, Instant now, List<FieldError> errors) {
        String detail = "Give the time the injection ended as an ISO-8601 instant, e.g. 2026-11-27T09:30:00Z, not in the future.";
        if (node == null || !node.isTextual() || node.textValue().length() > 40) {
            errors.add(new FieldError("/endedAt", detail));
            return null;
        }
        try {
            Instant at = Instant.parse(node.textValue()).truncatedTo(ChronoUnit.MILLIS);
            if (at.isAfter(now.plus(FUTURE_TOLERANCE)) || at.isBefore(EARLIEST)) {
                errors.add(new FieldError("/endedAt", detail));
                return null;
            }
            return at;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("/endedAt", detail));
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(JsonNode root, String field, Set<E> allowed, Function<String, E> parse,
                                                List<FieldError> errors) {
        JsonNode node = root.get(field);
        String detail = "One of " + String.join(", ", allowed.stream().map(Enum::name).toList()) + ".";
        if (node != null && node.isTextual()) {
            for (E e : allowed) {
                if (e.name().equals(node.textValue())) {
                    return e;
                }
            }
        }
        errors.add(new FieldError("/" + field, detail));
        return null;
    }

    private static List<SpinalLevel> levels(JsonNode node, Region region, List<FieldError> errors) {
        if (node == null || !node.isArray() || node.size() < 1 || node.size() > 2) {
            errors.add(new FieldError("/levels", "One or two levels per session, each as the clinic writes it, e.g. [\"L4-L5\", \"L5-S1\"]."));
            return null;
        }
        List<SpinalLevel> out = new ArrayList<>();
        Set<SpinalLevel> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            SpinalLevel level = label(node.get(i));
            String pointer = "/levels/" + i;
            if (level == null) {
                errors.add(new FieldError(pointer, "A level such as C5-C6, T12-L1 or L5-S1."));
            } else if (!seen.add(level)) {
                errors.add(new FieldError(pointer, "This level is named twice."));
            } else if (region != null && !level.isIn(region)) {
                errors.add(new FieldError(pointer, "This level is not in the " + region + " region."));
            } else {
                out.add(level);
            }
        }
        return out;
    }

    private static SpinalLevel label(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        for (SpinalLevel l : SpinalLevel.values()) {
            if (l.label().equals(node.textValue())) {
                return l;
            }
        }
        return null;
    }

    private static Integer baseline(JsonNode node, List<FieldError> errors) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
            errors.add(new FieldError("/baselineNrs", "The baseline NRS is one whole number from 1 to 10, never a range."));
            return null;
        }
        int v = node.intValue();
        if (v == 0) {
            errors.add(new FieldError("/baselineNrs", "A baseline of 0 is refused: relief cannot be measured against no pain."));
            return null;
        }
        if (v < 1 || v > 10) {
            errors.add(new FieldError("/baselineNrs", "The baseline NRS is one whole number from 1 to 10."));
            return null;
        }
        return v;
    }
}
