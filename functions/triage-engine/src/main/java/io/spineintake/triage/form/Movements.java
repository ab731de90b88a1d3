package io.spineintake.triage.form;

/**
 * Movements and positions that make the pain worse. {@code lookingUp} and {@code turningHead}
 * are the neck's own questions; the others apply to every region.
 */
public record Movements(
        Answer bendingForward,
        Answer bendingBackward,
        Answer twisting,
        Answer sideBending,
        Answer extensionWithRotation,
        Answer risingFromBent,
        Answer prolongedStanding,
        Answer prolongedSitting,
        Answer walking,
        Answer coughingSneezing,
        Answer lookingUp,
        Answer turningHead,
        Side twistingSide) {
    public static final Movements BLANK =
            new Movements(null, null, null, null, null, null, null, null, null, null, null, null, null);
}
