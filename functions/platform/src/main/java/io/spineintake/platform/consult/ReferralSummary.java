package io.spineintake.platform.consult;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.spineintake.platform.Json;
import io.spineintake.platform.intakes.IntakeRecord;
import io.spineintake.triage.assess.Disposition;
import io.spineintake.triage.assess.Tier;
import io.spineintake.triage.form.Region;
import java.util.List;

/**
 * The consult queue's message: what a coordinator's worklist needs to order and show a referral,
 * and nothing a patient wrote (no names, contact details or free text; the coordinator opens the
 * intake for those). {@code regions} lists the main region first. {@code dueAt} was decided at
 * submission (absent in messages sent before 1.1.0: the consumer then applies the clinic's
 * interval); {@code redFlags} names the rules raised (hard stops, then urgent flags).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralSummary(
        String intakeId,
        List<Region> regions,
        Disposition disposition,
        Tier tier,
        Integer score,
        String priorityKey,
        String submittedAt,
        String dueAt,
        List<String> redFlags,
        boolean repeatRfaCandidate) {

    public ReferralSummary {
        regions = regions == null ? null : List.copyOf(regions); // a null region is refused here
        redFlags = redFlags == null ? List.of() : List.copyOf(redFlags);
    }

    public static ReferralSummary of(IntakeRecord intake) {
        return new ReferralSummary(intake.intakeId(), intake.regions(), intake.disposition(), intake.tier(),
                intake.score(), intake.priorityKey(), intake.receivedAt(), intake.dueAt(), intake.redFlags(),
                Boolean.TRUE.equals(intake.repeatRfaCandidate()));
    }

    public String toJson() {
        try {
            return Json.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a message body.
     *
     * @throws MalformedMessageException when the body is not a complete summary of a referral for a
     *         worklist band; the message must not be retried forever (it goes to the dead-letter
     *         queue after its receives)
     */
    public static ReferralSummary fromJson(String body) {
        ReferralSummary s;
        try {
            s = Json.mapper().readValue(body, ReferralSummary.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedMessageException("message body is not a referral summary");
        }
        if (s == null || blank(s.intakeId) || s.regions == null || s.regions.isEmpty()
                || s.disposition == null || s.tier == null || s.score == null
                || blank(s.priorityKey) || blank(s.submittedAt)
                || (s.dueAt == null && s.disposition == Disposition.CONSERVATIVE_CARE_FIRST)) {
            throw new MalformedMessageException("referral summary is missing a field");
        }
        if (!s.redFlags.stream().allMatch(f -> f != null && f.matches("[A-Z][A-Z0-9_]{0,63}"))) {
            throw new MalformedMessageException("referral summary names a red flag that is not a rule id");
        }
        return s;
    }

    private static boolean blank(String v) {
        return v == null || v.isBlank();
    }

    /** A message that can never become a referral. Its message names no value. */
    public static final class MalformedMessageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public MalformedMessageException(String message) {
            super(message);
        }
    }
}
