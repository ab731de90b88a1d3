package io.spineintake.triage.form;

/**
 * PEG-3 (Krebs 2009), past week, 0-10 each: average pain, interference with enjoyment of
 * life, interference with general activity. The score is the mean of the three.
 */
public record Peg(Integer averagePain, Integer enjoymentOfLife, Integer generalActivity) {
    public static final Peg BLANK = new Peg(null, null, null);

    /** Mean of the three items, or {@code null} when any is blank. */
    public Double score() {
        if (averagePain == null || enjoymentOfLife == null || generalActivity == null) {
            return null;
        }
        return (averagePain + enjoymentOfLife + generalActivity) / 3.0;
    }

    /** Mean of the two interference items, or {@code null} when either is blank. */
    public Double interference() {
        if (enjoymentOfLife == null || generalActivity == null) {
            return null;
        }
        return (enjoymentOfLife + generalActivity) / 2.0;
    }
}
