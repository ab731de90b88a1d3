package io.spineintake.diary;

import com.fasterxml.jackson.databind.JsonNode;
import io.spineintake.platform.Json;
import io.spineintake.platform.http.Problem.FieldError;
import io.spineintake.triage.JsonPointer;
import io.spineintake.triage.block.BlockRules;
import io.spineintake.triage.block.Movement;
import io.spineintake.triage.block.MovementChange;
import io.spineintake.triage.block.MovementNote;
import io.spineintake.triage.block.TimePoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The body of POST /diary/entries, checked field by field (RFC 6901 pointers). The NRS is one whole
 * number 0-10: a range ("2-8"), a string or a fraction is refused. Movements are those the
 * patient's intake named; "change" is given exactly when the movement was tried.
 */
record EntryRequest(TimePoint timePoint, int nrs, List<MovementNote> movements) {

    static final int MAX_BODY_BYTES = 8 * 1024;

    /** The same request however it was spelled: what an Idempotency-Key is compared with. */
    String canonical() {
        return timePoint.minutesAfter() + ";" + nrs + ";" + movements.stream()
                .map(m -> m.movement() + ":" + m.tried() + ":" + m.change()).collect(Collectors.joining(","));
    }

    /** The parsed body, or the field errors; {@code malformed} when it is not one JSON object. */
    record Parsed(EntryRequest request, List<FieldError> errors, boolean malformed) {
    }

    static Parsed parse(byte[] body, BlockRules rules, List<Movement> allowed) {
        JsonNode root;
        try {
            root = Json.strict().readTree(body);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            return new Parsed(null, List.of(new FieldError("", "The request body must be one JSON object.")), true);
        }
        List<FieldError> errors = new ArrayList<>();
        unknown(root, "", Set.of("timePoint", "nrs", "movements"), errors);
        TimePoint point = null;
        JsonNode t = root.get("timePoint");
        if (t == null || !t.isIntegralNumber() || !t.canConvertToInt() || t.intValue() <= 0
                || !rules.isTimePoint(TimePoint.minutes(t.intValue()))) {
            errors.add(new FieldError("/timePoint", "One of the diary's time points, in minutes after the block: "
                    + rules.timePoints().stream().map(p -> Integer.toString(p.minutesAfter())).collect(Collectors.joining(", ")) + "."));
        } else {
            point = TimePoint.minutes(t.intValue());
        }
        Integer nrs = null;
        JsonNode n = root.get("nrs");
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 0 || n.intValue() > 10) {
            errors.add(new FieldError("/nrs", "Your pain now as one whole number from 0 (no pain) to 10 (worst imaginable), never a range."));
        } else {
            nrs = n.intValue();
        }
        List<MovementNote> notes = movements(root.get("movements"), allowed, errors);
        if (!errors.isEmpty()) {
            return new Parsed(null, errors, false);
        }
        return new Parsed(new EntryRequest(point, nrs, notes), List.of(), false);
    }

    private static List<MovementNote> movements(JsonNode node, List<Movement> allowed, List<FieldError> errors) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray() || node.size() > Movement.values().length) {
            errors.add(new FieldError("/movements", "A list of the movements you were asked about."));
            return List.of();
        }
        List<MovementNote> out = new ArrayList<>();
        Set<Movement> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String at = "/movements/" + i;
            JsonNode m = node.get(i);
            if (!m.isObject()) {
                errors.add(new FieldError(at, "Each movement is an object: movement, tried and (when tried) change."));
                continue;
            }
            unknown(m, at, Set.of("movement", "tried", "change"), errors);
            Movement movement = null;
            JsonNode code = m.get("movement");
            if (code != null && code.isTextual()) {
                for (Movement candidate : allowed) {
                    if (candidate.name().equals(code.textValue())) {
                        movement = candidate;
                    }
                }
            }
            if (movement == null) {
                errors.add(new FieldError(at + "/movement", "One of the movements this diary asks about."));
            } else if (!seen.add(movement)) {
                errors.add(new FieldError(at + "/movement", "This movement is noted twice."));
                movement = null;
            }
            JsonNode tried = m.get("tried");
            if (tried == null || !tried.isBoolean()) {
                errors.add(new FieldError(at + "/tried", "true if you tried this movement, false if not."));
                continue;
            }
            JsonNode change = m.get("change");
            MovementChange c = null;
            if (tried.booleanValue()) {
                if (change != null && change.isTextual()) {
                    for (MovementChange candidate : MovementChange.values()) {
                        if (candidate.name().equals(change.textValue())) {
                            c = candidate;
                        }
                    }
                }
                if (c == null) {
                    errors.add(new FieldError(at + "/change", "EASIER, SAME or HARDER than before the block."));
                    continue;
                }
            } else if (change != null && !change.isNull()) {
                errors.add(new FieldError(at + "/change", "Leave change out for a movement you did not try."));
                continue;
            }
            if (movement != null) {
                out.add(new MovementNote(movement, tried.booleanValue(), c));
            }
        }
        return out;
    }

    private static void unknown(JsonNode object, String at, Set<String> known, List<FieldError> errors) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(new FieldError(JsonPointer.child(at, name), "This field is not part of a diary entry."));
            }
        }
    }
}
