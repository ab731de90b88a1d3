package io.spineintake.submit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineintake.platform.BackendUnavailableException;
import io.spineintake.platform.Timestamps;
import io.spineintake.platform.consult.IntakeRouter;
import io.spineintake.platform.http.Problem;
import io.spineintake.platform.intakes.IntakeRecord;
import io.spineintake.platform.intakes.IntakeRepository;
import io.spineintake.platform.intakes.RoutingState;
import io.spineintake.platform.ClinicMetrics;
import io.spineintake.platform.Config;
import io.spineintake.platform.Json;
import io.spineintake.triage.TriageEngine;
import io.spineintake.triage.assess.Assessment;
import io.spineintake.triage.assess.RedFlag;
import io.spineintake.triage.assess.RegionAssessment;
import io.spineintake.triage.form.FormContract;
import io.spineintake.triage.form.FormReading;
import io.spineintake.triage.form.Violation;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a submitted body into a stored, assessed intake: validate, assess, store with one
 * conditional write, answer. An Idempotency-Key makes retries safe without a second table: the
 * intake id is derived from the key, so a retry hits the same item, and the stored request hash
 * tells a true retry (same body: the original answer) from a reused key (different body: 422).
 */
public final class IntakeSubmission {
    public static final String INVALID_FORM = "urn:spine-intake:problem:invalid-intake-form";
    public static final String MALFORMED_BODY = "urn:spine-intake:problem:malformed-body";
    public static final String KEY_REUSED = "urn:spine-intake:problem:idempotency-key-reused";
    public static final String BAD_KEY = "urn:spine-intake:problem:invalid-idempotency-key";

    private static final int MAX_KEY_LENGTH = 255;

    private static final Logger LOG = LoggerFactory.getLogger(IntakeSubmission.class);

    private final IntakeRepository intakes;
    private final IntakeRouter router;
    private final FormContract contract;
    private final TriageEngine engine;
    private final Clock clock;
    private final ObjectMapper json;
    private final Config config;
    private final PatientMessages messages;
    private final ClinicMetrics metrics;

    /** {@code config} gives the clinic's due intervals, emergency number and time zone. */
    public IntakeSubmission(IntakeRepository intakes, IntakeRouter router, FormContract contract, TriageEngine engine,
                            Config config, Clock clock) {
        this.intakes = intakes;
        this.router = router;
        this.contract = contract;
        this.engine = engine;
        this.clock = clock;
        this.json = contract.mapper();
        this.config = config;
        this.messages = PatientMessages.load(config.emergencyNumber(), config.clinicZone());
        this.metrics = new ClinicMetrics(config);
    }

    /**
     * @throws io.spineintake.platform.BackendUnavailableException when the table cannot be reached:
     *         nothing, or exactly one whole item, was written
     */
    public SubmissionOutcome submit(byte[] body, Optional<String> idempotencyKey) {
        if (idempotencyKey.isPresent() && !validKey(idempotencyKey.get())) {
            return new SubmissionOutcome.Refused(Problem.of(400, "Invalid Idempotency-Key",
                    "The Idempotency-Key header must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters.")
                    .withType(BAD_KEY));
        }
        FormReading reading = contract.read(body);
        if (!reading.isValid()) {
            return new SubmissionOutcome.Refused(invalid(reading.violations()));
        }
        Instant receivedAt = clock.instant();
        Assessment assessment = engine.assess(reading.form(), receivedAt);
        String requestHash = sha256Hex(body);
        String intakeId = idempotencyKey.map(IntakeSubmission::intakeIdForKey).orElseGet(() -> UUID.randomUUID().toString());
        String received = Timestamps.of(receivedAt);
        Instant dueAt = dueAt(assessment, receivedAt);
        String receipt = write(Json.api(), new Receipt(intakeId, received,
                messages.nextSteps(assessment, reading.form().patient().language(), dueAt)));

        IntakeRecord intake = IntakeRecord.builder()
                .intakeId(intakeId)
                .receivedAt(received)
                .requestHash(requestHash)
                .formJson(contract.toJson(reading.form()))
                .assessmentJson(write(json, assessment))
                .ruleSetVersion(assessment.ruleSetVersion())
                .disposition(assessment.disposition())
                .tier(assessment.tier())
                .score(assessment.score())
                .priorityKey(assessment.priorityKey())
                .patientMessage(assessment.patientMessage())
                .responseJson(receipt)
                .routingState(RoutingState.PENDING)
                .updatedAt(received)
                .regions(assessment.regions().stream().map(RegionAssessment::region).toList())
                .dueAt(Timestamps.of(dueAt))
                .redFlags(java.util.stream.Stream.concat(assessment.redFlags().hardStops().stream(),
                        assessment.redFlags().urgent().stream()).map(RedFlag::id).distinct().toList())
                .repeatRfaCandidate(assessment.repeatRfaCandidate())
                .build();
        if (intakes.putIfAbsent(intake)) {
            metrics.count(ClinicMetrics.Metric.INTAKES_ACCEPTED, ClinicMetrics.DISPOSITION, assessment.disposition(), 1);
            route(intake);
            return new SubmissionOutcome.Stored(intakeId, receipt, false);
        }
        // The id exists: only a key can collide. Same body: the original answer; other body: refuse.
        IntakeRecord original = intakes.get(intakeId).orElseThrow(
                () -> new IllegalStateException("intake vanished after a conditional write failed"));
        if (requestHash.equals(original.requestHash())) {
            return new SubmissionOutcome.Stored(intakeId, original.responseJson(), true);
        }
        return new SubmissionOutcome.Refused(Problem.of(422, "Idempotency-Key reused",
                "This Idempotency-Key was already used with a different request body. Use a new key for a new form.")
                .withType(KEY_REUSED));
    }

    /**
     * When the referral is due, decided now so that what the patient is told and what the list says
     * are the same date: a conservative-care patient's re-contact date (rule set), otherwise the
     * clinic's interval for the disposition after receipt.
     */
    private Instant dueAt(Assessment assessment, Instant receivedAt) {
        return assessment.recontactAt() != null ? assessment.recontactAt()
                : receivedAt.plus(config.referralDue(assessment.disposition()));
    }

    /**
     * Sends a routable intake to the consult queue now. A failure loses nothing: the intake is
     * stored PENDING and the reconciler routes it; the patient still gets 201.
     */
    private void route(IntakeRecord intake) {
        if (intake.routingState() != RoutingState.PENDING) {
            return;
        }
        try {
            router.route(intake);
        } catch (BackendUnavailableException e) {
            LOG.warn("intake {} stored PENDING, not routed now ({}): the reconciler will route it",
                    intake.intakeId(), e.getMessage());
        }
    }

    /** A document that is not a JSON object at all is malformed (400); a form that breaks the contract is 422. */
    static Problem invalid(List<Violation> violations) {
        boolean malformed = violations.stream().anyMatch(v -> v.pointer().isEmpty());
        List<Problem.FieldError> errors = violations.stream()
                .map(v -> new Problem.FieldError(v.pointer(), v.message())).toList();
        return malformed
                ? Problem.of(400, "Malformed request body", "The body must be one JSON object (an intake form).")
                        .withType(MALFORMED_BODY).withErrors(errors)
                : Problem.of(422, "Invalid intake form", violations.size() + " field(s) need attention.")
                        .withType(INVALID_FORM).withErrors(errors);
    }

    static boolean validKey(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** A UUID (version 8, name-based on SHA-256) that is the same for the same key and nothing else. */
    static String intakeIdForKey(String key) {
        byte[] h = sha256(("spine-intake/idempotency-key/v1:" + key).getBytes(StandardCharsets.UTF_8));
        h[6] = (byte) ((h[6] & 0x0f) | 0x80);
        h[8] = (byte) ((h[8] & 0x3f) | 0x80);
        ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
        return new UUID(b.getLong(), b.getLong()).toString();
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }
}
