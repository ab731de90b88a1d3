package io.spineintake.triage.form;

/**
 * A patient's answer to a yes/no question. A question left blank is {@code null}, never NO:
 * the engine treats blank and UNSURE as unknown, and unknown safety answers as "ask the patient".
 */
public enum Answer {
    YES, NO, UNSURE;

    public static boolean isYes(Answer a) {
        return a == YES;
    }

    public static boolean isNo(Answer a) {
        return a == NO;
    }

    /** Blank or UNSURE: the answer does not settle the question. */
    public static boolean isUnknown(Answer a) {
        return a == null || a == UNSURE;
    }
}
