package io.spineintake.platform.consult;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.spineintake.platform.Json;
import io.spineintake.platform.intakes.IntakeRecord;
import io.spineintake.platform.referrals.Band;
import io.spineintake.triage.assess.Disposition;
import io.spineintake.triage.assess.Tier;
import io.spineintake.triage.form.Region;
import java.util.List;

/**
 * The consult queue's message: what a coordinator's worklist needs to order and show a referral,
 * and nothing a patient wrote (no names, contact details or free text; the coordinator opens the
 * intake for those). {@code regions} lists the main region first.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralSummary(
        String intakeId,
        List<Region> regions,
        Disposition disposition,
        Tier tier,
        Integer score,
        String priorityKey,
        String submittedAt) {

    public ReferralSummary {
        regions = regions == null ? null : List.copyOf(regions); // a null region is refused here
    }

    public static ReferralSummary of(IntakeRecord intake) {
        return new ReferralSummary(intake.intakeId(), intake.regions(), intake.disposition(), intake.tier(),
                intake.score(), intake.priorityKey(), intake.receivedAt());
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
                || s.disposition == null || Band.of(s.disposition).isEmpty() || s.tier == null || s.score == null
                || blank(s.priorityKey) || blank(s.submittedAt)) {
            throw new MalformedMessageException("referral summary is missing a field or has an unknown disposition");
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
