package io.spineintake.triageapi.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Questionnaire;

/**
 * HAPI FHIR's validator against R4 base (tests only): the core profiles, in-memory terminology and
 * the common code systems (languages, UCUM, ...), with this project's Questionnaire known, so a
 * QuestionnaireResponse is checked against it too. Built once (it takes seconds).
 */
public final class FhirValidation {
    static final FhirContext CONTEXT = FhirContext.forR4Cached();
    /** Warnings and information of every validation, for review: target/fhir-validation-warnings.txt. */
    static final Path REPORT = Path.of("target", "fhir-validation-warnings.txt");
    private static final FhirValidator VALIDATOR = build();

    private FhirValidation() {
    }

    private static FhirValidator build() {
        Questionnaire intake = CONTEXT.newJsonParser().parseResource(Questionnaire.class, IntakeQuestionnaire.json());
        // the intake Questionnaire by its canonical, with or without the version
        IValidationSupport ours = new IValidationSupport() {
            @Override
            public FhirContext getFhirContext() {
                return CONTEXT;
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T extends IBaseResource> T fetchResource(Class<T> type, String uri) {
                boolean ours = uri != null && (uri.equals(IntakeQuestionnaire.URL) || uri.startsWith(IntakeQuestionnaire.URL + "|"));
                return ours && (type == null || type.isInstance(intake)) ? (T) intake : null;
            }
        };
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(CONTEXT),
                new SnapshotGeneratingValidationSupport(CONTEXT),
                new InMemoryTerminologyServerValidationSupport(CONTEXT),
                new CommonCodeSystemsTerminologyService(CONTEXT),
                ours);
        FhirInstanceValidator module = new FhirInstanceValidator(chain);
        FhirValidator validator = CONTEXT.newValidator();
        validator.registerValidatorModule(module);
        return validator;
    }

    /** A message, as the report lists it. */
    public record Message(ResultSeverityEnum severity, String location, String text) {
        @Override
        public String toString() {
            return severity + " " + location + ": " + text;
        }
    }

    /** Every message of the validation of {@code json}; warnings and information are appended to the report. */
    public static synchronized List<Message> validate(String what, String json) {
        ValidationResult result = VALIDATOR.validateWithResult(json);
        List<Message> messages = result.getMessages().stream()
                .map((SingleValidationMessage m) -> new Message(m.getSeverity(), m.getLocationString(), m.getMessage()))
                .toList();
        StringBuilder report = new StringBuilder();
        for (Message m : messages) {
            if (m.severity() != ResultSeverityEnum.ERROR && m.severity() != ResultSeverityEnum.FATAL) {
                report.append(what).append(": ").append(m).append('\n');
            }
        }
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, report.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return messages;
    }

    /** The errors (and fatal messages) only. */
    public static List<Message> errors(String what, String json) {
        return validate(what, json).stream()
                .filter(m -> m.severity() == ResultSeverityEnum.ERROR || m.severity() == ResultSeverityEnum.FATAL)
                .toList();
    }
}
