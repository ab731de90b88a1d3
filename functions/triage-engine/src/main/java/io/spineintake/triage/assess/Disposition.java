package io.spineintake.triage.assess;

/**
 * What happens next, decided by the first matching rule of spec section 6. {@code band} orders
 * the consult queue: EMERGENCY, then URGENT_REVIEW, then CONSULT; the rest are not routed there.
 */
public enum Disposition {
    EMERGENCY(0, true),
    URGENT_REVIEW(1, true),
    OTHER_PATHWAY(8, false),
    CONSERVATIVE_CARE_FIRST(9, false),
    CONSULT(2, true);

    private final int band;
    private final boolean routedToConsultQueue;

    Disposition(int band, boolean routedToConsultQueue) {
        this.band = band;
        this.routedToConsultQueue = routedToConsultQueue;
    }

    public int band() {
        return band;
    }

    /** CONSULT, URGENT_REVIEW and EMERGENCY go to the consult queue for a coordinator. */
    public boolean routedToConsultQueue() {
        return routedToConsultQueue;
    }
}
