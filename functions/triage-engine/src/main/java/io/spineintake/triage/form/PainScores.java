package io.spineintake.triage.form;

/** Numeric rating scale, 0-10: pain now, average over the last week, and worst. */
public record PainScores(Integer now, Integer average, Integer worst) {
    public static final PainScores BLANK = new PainScores(null, null, null);
}
