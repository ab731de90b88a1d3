package io.spineintake.triage.block;

/**
 * Relief at one time point: (baseline - NRS) / baseline x 100. An NRS above the baseline gives a
 * negative relief, reported as worse; it is never clamped to 0. Comparisons with a threshold are
 * exact (whole-number arithmetic), so 8 of 10 points of relief is exactly 80%.
 */
public record Relief(int baselineNrs, int nrs) implements Comparable<Relief> {
    public Relief {
        checkBaseline(baselineNrs);
        if (nrs < 0 || nrs > 10) {
            throw new IllegalArgumentException("NRS is a whole number from 0 to 10, not " + nrs);
        }
    }

    static void checkBaseline(int baselineNrs) {
        if (baselineNrs == 0) {
            throw new IllegalArgumentException(
                    "a baseline NRS of 0 is refused: relief cannot be measured against no pain");
        }
        if (baselineNrs < 0 || baselineNrs > 10) {
            throw new IllegalArgumentException("the baseline NRS is a whole number from 1 to 10, not " + baselineNrs);
        }
    }

    /** Percent relief; negative when the pain is worse than the baseline. */
    public double percent() {
        return 100.0 * (baselineNrs - nrs) / baselineNrs;
    }

    /** Exactly: relief >= the given percent. */
    public boolean atLeast(int thresholdPercent) {
        return 100L * (baselineNrs - nrs) >= (long) thresholdPercent * baselineNrs;
    }

    public ReliefDirection direction() {
        return nrs < baselineNrs ? ReliefDirection.RELIEF
                : nrs == baselineNrs ? ReliefDirection.NO_CHANGE : ReliefDirection.WORSE;
    }

    /** "90% relief", "no change", "40% worse" (rounded to a whole percent for display only). */
    public String describe() {
        switch (direction()) {
            case RELIEF:
                return Math.round(percent()) + "% relief";
            case NO_CHANGE:
                return "no change";
            default:
                return Math.round(-percent()) + "% worse";
        }
    }

    @Override
    public int compareTo(Relief o) {
        // same scale: compare (b1 - n1) / b1 with (b2 - n2) / b2 exactly
        return Long.compare((long) (baselineNrs - nrs) * o.baselineNrs, (long) (o.baselineNrs - o.nrs) * baselineNrs);
    }
}
