package io.spineintake.triage.form;

/** Positions that ease the pain. */
public record Easing(Answer lyingDown, Answer sitting, Answer bendingForward, Answer walking) {
    public static final Easing BLANK = new Easing(null, null, null, null);
}
