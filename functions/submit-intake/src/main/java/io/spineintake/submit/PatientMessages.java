package io.spineintake.submit;

import com.fasterxml.jackson.databind.JsonNode;
import io.spineintake.platform.Json;
import io.spineintake.triage.assess.Assessment;
import io.spineintake.triage.assess.PatientAdvice;
import io.spineintake.triage.assess.PatientMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of what a patient is told, from patient-messages.json (the engine's resource, which the
 * web form builds in too): the next steps per {@link PatientMessage} and the advice per
 * {@link PatientAdvice}, in English and Spanish. Loading checks that every code has both texts,
 * so a missing translation fails at cold start, never in front of a patient.
 */
public final class PatientMessages {
    static final String RESOURCE = "/io/spineintake/triage/patient-messages.json";
    static final List<String> LANGUAGES = List.of("en", "es");

    private record Texts(String en, String es) {
        String in(String language) {
            return "es".equals(language) ? es : en;
        }
    }

    private final Map<PatientMessage, Texts> messages = new EnumMap<>(PatientMessage.class);
    private final Map<PatientMessage, Texts> when = new EnumMap<>(PatientMessage.class);
    private final Map<PatientAdvice, Texts> advice = new EnumMap<>(PatientAdvice.class);
    private final String emergencyNumber;
    private final ZoneId clinicZone;

    private PatientMessages(JsonNode root, String emergencyNumber, ZoneId clinicZone) {
        for (PatientMessage code : PatientMessage.values()) {
            JsonNode steps = root.path("nextSteps").path(code.name());
            messages.put(code, texts(steps.path("message"), "nextSteps/" + code + "/message"));
            when.put(code, texts(steps.path("when"), "nextSteps/" + code + "/when"));
        }
        for (PatientAdvice code : PatientAdvice.values()) {
            advice.put(code, texts(root.path("advice").path(code.name()), "advice/" + code));
        }
        this.emergencyNumber = emergencyNumber;
        this.clinicZone = clinicZone;
    }

    /** The file on the classpath, with the clinic's emergency number and time zone. */
    public static PatientMessages load(String emergencyNumber, ZoneId clinicZone) {
        try (InputStream in = PatientMessages.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new PatientMessages(Json.strict().readTree(in), emergencyNumber, clinicZone);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * What to tell the patient of this assessment, in their language (Spanish when the form says
     * es..., English otherwise), with the date the referral is due ({@code dueAt}) in the clinic's
     * time zone. An emergency has no date: the patient is to seek care now.
     */
    public NextSteps nextSteps(Assessment assessment, String formLanguage, Instant dueAt) {
        String language = formLanguage != null && formLanguage.toLowerCase(Locale.ROOT).startsWith("es") ? "es" : "en";
        PatientMessage code = assessment.patientMessage();
        LocalDate contactBy = code == PatientMessage.SEEK_EMERGENCY_CARE_NOW ? null : dueAt.atZone(clinicZone).toLocalDate();
        String date = contactBy == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(Locale.forLanguageTag(language)).format(contactBy);
        List<NextSteps.Advice> given = new ArrayList<>();
        for (PatientAdvice a : assessment.advice()) {
            given.add(new NextSteps.Advice(a, fill(advice.get(a).in(language), date)));
        }
        return new NextSteps(code, language, fill(messages.get(code).in(language), date),
                fill(when.get(code).in(language), date), contactBy, emergencyNumber, given);
    }

    private String fill(String text, String contactBy) {
        return text.replace("{emergency}", emergencyNumber).replace("{contactBy}", contactBy);
    }

    private static Texts texts(JsonNode node, String where) {
        for (String language : LANGUAGES) {
            if (!node.path(language).isTextual() || node.path(language).asText().isBlank()) {
                throw new IllegalStateException(RESOURCE + ": no " + language + " text at " + where);
            }
        }
        return new Texts(node.path("en").asText(), node.path("es").asText());
    }
}
