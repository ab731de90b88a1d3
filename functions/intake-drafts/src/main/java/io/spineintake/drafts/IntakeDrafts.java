package io.spineintake.drafts;

import java.io.IOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.spineintake.platform.Json;
import io.spineintake.platform.http.Problem;
import io.spineintake.platform.http.Problem.FieldError;

/**
 * Save and come back later. POST /intake-drafts stores a partial form under a new resume code;
 * POST /intake-drafts/resume gives it back for the code and the date of birth.
 *
 * <p>What an attacker who guesses codes learns: an unknown code and a wrong date of birth get the
 * same 404 with the same words, so guessing dates against a code says nothing about whether the
 * code exists until the draft is useless anyway (locked, 423, after {@value #MAX_FAILED_TRIES} wrong
 * tries) or gone (expired, 410). Telling the patient "locked" and "expired" is worth that: they
 * then know to start again instead of retrying. Codes are ~2^39.6 and API Gateway throttles the route.
 */
final class IntakeDrafts {

    static final String MALFORMED_BODY = "urn:spine-intake:problem:malformed-body";
    static final String INVALID_DRAFT = "urn:spine-intake:problem:invalid-draft";
    static final String NO_MATCH = "urn:spine-intake:problem:draft-not-found";
    static final String EXPIRED = "urn:spine-intake:problem:draft-expired";
    static final String LOCKED = "urn:spine-intake:problem:draft-locked";

    static final Duration KEPT_FOR = Duration.ofDays(7);
    static final int MAX_FAILED_TRIES = 5;
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    /** A fresh code colliding with a live one is ~1 in 10^11; a few tries always get a free key. */
    private static final int PUT_ATTEMPTS = 3;

    private static final ObjectMapper STRICT = Json.strict();

    private final DraftRepository drafts;
    private final Clock clock;

    IntakeDrafts(DraftRepository drafts, Clock clock) {
        this.drafts = drafts;
        this.clock = clock;
    }

    DraftOutcome save(byte[] body) {
        JsonNode request = object(body);
        if (request == null) {
            return malformed();
        }
        List<FieldError> errors = unknownFields(request, Set.of("form", "dateOfBirth"));
        JsonNode form = request.get("form");
        if (form == null || !form.isObject()) {
            errors.add(new FieldError("/form", "Send the answers so far as a JSON object."));
        } else if (!isUnicode(form)) {
            errors.add(new FieldError("/form", "A text holds an unpaired surrogate escape, which is no character."));
        }
        Optional<LocalDate> dateOfBirth = dateOfBirth(request, errors);
        if (!errors.isEmpty()) {
            return invalid(errors);
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(KEPT_FOR);
        for (int attempt = 0; attempt < PUT_ATTEMPTS; attempt++) {
            String code = ResumeCode.generate();
            String key = ResumeCode.key(code);
            Draft draft = new Draft(key, form.toString(), dateOfBirthHash(key, dateOfBirth.get()), now, expiresAt, 0);
            if (drafts.putIfAbsent(draft)) {
                return new DraftOutcome.Saved(ResumeCode.display(code), expiresAt);
            }
        }
        throw new IllegalStateException("no free draft key after " + PUT_ATTEMPTS + " attempts");
    }

    DraftOutcome resume(byte[] body) {
        JsonNode request = object(body);
        if (request == null) {
            return malformed();
        }
        List<FieldError> errors = unknownFields(request, Set.of("resumeCode", "dateOfBirth"));
        JsonNode typed = request.get("resumeCode");
        Optional<String> code = typed != null && typed.isTextual() ? ResumeCode.normalise(typed.asText()) : Optional.empty();
        if (code.isEmpty()) {
            errors.add(new FieldError("/resumeCode", "Enter the 8-character resume code you were given."));
        }
        Optional<LocalDate> dateOfBirth = dateOfBirth(request, errors);
        if (!errors.isEmpty()) {
            return invalid(errors);
        }
        String key = ResumeCode.key(code.get());
        Optional<Draft> found = drafts.get(key);
        if (found.isEmpty()) {
            return noMatch();
        }
        Draft draft = found.get();
        if (!clock.instant().isBefore(draft.expiresAt())) {
            return new DraftOutcome.Refused(Problem.of(410, "Draft expired",
                    "This saved form has expired: answers are kept for 7 days. Please start the form again.")
                    .withType(EXPIRED));
        }
        if (draft.failedTries() >= MAX_FAILED_TRIES) {
            return locked();
        }
        // constant time: how much of the date matched must not show in the answer's timing
        boolean matches = MessageDigest.isEqual(
                ResumeCode.sha256(draft.draftKey() + " " + dateOfBirth.get()),
                java.util.HexFormat.of().parseHex(draft.dateOfBirthHash()));
        if (matches) {
            try {
                return new DraftOutcome.Resumed(STRICT.readTree(draft.formJson()), draft.expiresAt());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored draft is not JSON", e);
            }
        }
        Optional<Integer> tries = drafts.recordFailedTry(key, MAX_FAILED_TRIES);
        return tries.isEmpty() || tries.get() >= MAX_FAILED_TRIES ? locked() : noMatch();
    }

    static String dateOfBirthHash(String draftKey, LocalDate dateOfBirth) {
        return ResumeCode.sha256Hex(draftKey + " " + dateOfBirth);
    }

    private Optional<LocalDate> dateOfBirth(JsonNode request, List<FieldError> errors) {
        JsonNode node = request.get("dateOfBirth");
        String detail = "Enter the date of birth as YYYY-MM-DD, a real date from 1900 to today.";
        if (node == null || !node.isTextual() || node.asText().length() != 10) {
            errors.add(new FieldError("/dateOfBirth", detail));
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(node.asText(), ISO_DATE);
            if (date.isBefore(EARLIEST_BIRTH) || date.isAfter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1))) {
                errors.add(new FieldError("/dateOfBirth", detail));
                return Optional.empty();
            }
            return Optional.of(date);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("/dateOfBirth", detail));
            return Optional.empty();
        }
    }

    /** Every text in the tree is whole Unicode: a JSON escape can spell a lone surrogate, which UTF-8 cannot store. */
    static boolean isUnicode(JsonNode node) {
        if (node.isTextual()) {
            String text = node.textValue();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
        // field names with a lone surrogate are refused by the parser itself
        for (JsonNode child : node) {
            if (!isUnicode(child)) {
                return false;
            }
        }
        return true;
    }

    /** The body as one JSON object, or null when it is not one. */
    private static JsonNode object(byte[] body) {
        try {
            JsonNode node = STRICT.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** An error for each field the request does not take; the list the other checks add to. */
    private static List<FieldError> unknownFields(JsonNode request, Set<String> known) {
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(new FieldError("/" + name.replace("~", "~0").replace("/", "~1"), "This field is not part of the request."));
            }
        }
        return errors;
    }

    private static DraftOutcome malformed() {
        return new DraftOutcome.Refused(Problem.of(400, "Malformed body", "The request body must be one JSON object.")
                .withType(MALFORMED_BODY)
                .withErrors(List.of(new FieldError("", "The request body must be one JSON object."))));
    }

    private static DraftOutcome invalid(List<FieldError> errors) {
        return new DraftOutcome.Refused(Problem.of(422, "Invalid request", "Some fields are missing or not valid.")
                .withType(INVALID_DRAFT).withErrors(errors));
    }

    private static DraftOutcome noMatch() {
        return new DraftOutcome.Refused(Problem.of(404, "No matching draft",
                "No saved form matches this resume code and date of birth. Check both and try again.")
                .withType(NO_MATCH)
                .withErrors(List.of(new FieldError("/resumeCode", "Check the resume code and the date of birth."))));
    }

    private static DraftOutcome locked() {
        return new DraftOutcome.Refused(Problem.of(423, "Draft locked",
                "This saved form is locked after " + MAX_FAILED_TRIES + " tries with a wrong date of birth."
                        + " Please start the form again, or call the clinic.")
                .withType(LOCKED)
                .withErrors(List.of(new FieldError("/dateOfBirth", "Too many wrong tries."))));
    }
}
