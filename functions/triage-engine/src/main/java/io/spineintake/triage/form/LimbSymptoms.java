package io.spineintake.triage.form;

/** Numbness, tingling or weakness in an arm or leg. */
public record LimbSymptoms(Answer numbness, Answer tingling, Answer weakness) {
    public static final LimbSymptoms BLANK = new LimbSymptoms(null, null, null);

    public boolean anyYes() {
        return Answer.isYes(numbness) || Answer.isYes(tingling) || Answer.isYes(weakness);
    }
}
