package io.spineintake.platform.referrals;

import io.spineintake.triage.assess.Disposition;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A coordinator's decision on a referral: whether it closes it, and which dispositions allow it as they stand. */
public enum Outcome {
    SCHEDULE_CONSULT(true, EnumSet.of(Disposition.CONSULT)),
    NEEDS_MORE_INFORMATION(false, EnumSet.allOf(Disposition.class)),
    CONSERVATIVE_CARE_FIRST(true, EnumSet.of(Disposition.CONSERVATIVE_CARE_FIRST)),
    OTHER_PATHWAY(true, EnumSet.of(Disposition.OTHER_PATHWAY)),
    /** Back to the worklist, unclaimed, in the urgent band. */
    ESCALATE_TO_URGENT(false, EnumSet.of(Disposition.CONSULT, Disposition.OTHER_PATHWAY, Disposition.CONSERVATIVE_CARE_FIRST)),
    REFERRED_TO_EMERGENCY_CARE(true, EnumSet.of(Disposition.EMERGENCY, Disposition.URGENT_REVIEW)),
    DECLINED(true, EnumSet.allOf(Disposition.class));

    private final boolean closes;
    private final Set<Disposition> allowedFor;

    Outcome(boolean closes, Set<Disposition> allowedFor) {
        this.closes = closes;
        this.allowedFor = allowedFor;
    }

    /** Whether the referral leaves the worklist (status DECIDED). */
    public boolean closes() {
        return closes;
    }

    /**
     * Whether a referral of {@code disposition} can be given this outcome as it stands; any other
     * outcome decides against the disposition and needs an override (audited, with its reason).
     */
    public boolean allowedFor(Disposition disposition) {
        return allowedFor.contains(disposition);
    }

    /** The outcomes a disposition allows, in declaration order. */
    public static List<Outcome> outcomesFor(Disposition disposition) {
        return EnumSet.allOf(Outcome.class).stream().filter(o -> o.allowedFor(disposition)).toList();
    }
}
