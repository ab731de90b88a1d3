package io.spineintake.triage.assess;

/**
 * What happens next, decided by the first matching rule of spec section 6. {@code band} is the
 * disposition's rank in the worklist's order: EMERGENCY, URGENT_REVIEW, CONSULT, then the general
 * consult list (OTHER_PATHWAY) and the re-contact list (CONSERVATIVE_CARE_FIRST). Every disposition
 * goes on a list a person works (spec section 9).
 */
public enum Disposition {
    EMERGENCY(0),
    URGENT_REVIEW(1),
    OTHER_PATHWAY(8),
    CONSERVATIVE_CARE_FIRST(9),
    CONSULT(2);

    private final int band;

    Disposition(int band) {
        this.band = band;
    }

    public int band() {
        return band;
    }
}
