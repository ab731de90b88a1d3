package io.spineintake.triageapi;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.spineintake.platform.Json;
import io.spineintake.platform.intakes.IntakeRecord;
import io.spineintake.platform.referrals.AuditEntry;
import io.spineintake.platform.referrals.Band;
import io.spineintake.platform.referrals.Outcome;
import io.spineintake.platform.referrals.ReferralRecord;
import io.spineintake.platform.referrals.ReferralStatus;
import io.spineintake.triage.assess.Disposition;
import io.spineintake.triage.assess.Tier;
import io.spineintake.triage.form.Region;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON the API answers with, as records serialised by {@link Json#api()}: absent optional
 * values are written as null, so every answer of a route has the same fields. The worklist shows
 * a referral's summary only: no patient data.
 */
final class ReferralViews {
    private static final Logger LOG = LoggerFactory.getLogger(ReferralViews.class);

    private ReferralViews() {
    }

    /**
     * A worklist item: the referral's list (band), summary, red flags raised (rule ids) and claim;
     * {@code overdue} against the listing's asOf.
     */
    record Summary(String referralId, String intakeId, Band band, ReferralStatus status, Disposition disposition,
                   Tier tier, Integer score, List<Region> regions, List<String> redFlags, boolean repeatRfaCandidate,
                   String priorityKey, String submittedAt, String dueAt, boolean overdue, String assignee,
                   String leaseUntil, Long version) {
        static Summary of(ReferralRecord r, String asOf) {
            boolean overdue = r.open() && r.dueAt() != null && r.dueAt().compareTo(asOf) <= 0;
            return new Summary(r.referralId(), r.intakeId(), r.band().orElse(null), r.status(), r.disposition(),
                    r.tier(), r.score(), r.regions(), r.redFlags(), Boolean.TRUE.equals(r.repeatRfaCandidate()),
                    r.priorityKey(), r.submittedAt(), r.dueAt(), overdue, r.assignee(), r.leaseUntil(), r.version());
        }
    }

    /** The summary and the decision fields (the claim, release and decision answers). */
    record Referral(@JsonUnwrapped Summary summary, boolean open, Outcome outcome, String note, String decidedBy,
                    String decidedAt, Disposition originalDisposition, String reason) {
        static Referral of(ReferralRecord r, String asOf) {
            return new Referral(Summary.of(r, asOf), r.open(), r.outcome(), r.note(), r.decidedBy(), r.decidedAt(),
                    r.originalDisposition(), r.reason());
        }
    }

    /**
     * The referral, its intake's form and assessment as JSON (null when the intake is missing), and
     * its audit trail; {@code asOf}, the time of the answer ({@code overdue} is against it).
     */
    record Detail(@JsonUnwrapped Referral referral, String asOf, String receivedAt, String ruleSetVersion, JsonNode form,
                  JsonNode assessment, List<AuditEntry> audit) {
        static Detail of(ReferralService.Detail d, String asOf) {
            IntakeRecord intake = d.intake();
            String id = d.referral().referralId();
            return new Detail(Referral.of(d.referral(), asOf), asOf, intake == null ? null : intake.receivedAt(),
                    intake == null ? null : intake.ruleSetVersion(), tree(intake == null ? null : intake.formJson(), "form", id),
                    tree(intake == null ? null : intake.assessmentJson(), "assessment", id), d.audit());
        }
    }

    record Worklist(List<Summary> items, String nextCursor, String asOf) {
        static Worklist of(ReferralService.WorklistPage page) {
            return new Worklist(page.items().stream().map(r -> Summary.of(r, page.asOf())).toList(), page.nextCursor(),
                    page.asOf());
        }
    }

    record Stats(String asOf, long total, Map<ReferralStatus, Long> byStatus, Map<Disposition, Long> byDisposition,
                 long open, long overdue, Map<Disposition, Long> overdueByDisposition,
                 Map<Disposition, Long> oldestWaitingSeconds,
                 Map<String, Map<Disposition, ReferralService.DecisionTimes>> timeToDecision) {
        static Stats of(ReferralService.Stats s) {
            return new Stats(s.asOf(), s.total(), s.byStatus(), s.byDisposition(), s.open(), s.overdue(),
                    s.overdueByDisposition(), s.oldestWaitingSeconds(), s.timeToDecision());
        }
    }

    /** A stored JSON document as a tree; null (and a warning naming only the id) when it is not JSON. */
    static JsonNode tree(String json, String what, String referralId) {
        if (json == null) {
            return null;
        }
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            LOG.warn("stored {} of referral {} is not JSON; left out of the answer", what, referralId);
            return null;
        }
    }
}
