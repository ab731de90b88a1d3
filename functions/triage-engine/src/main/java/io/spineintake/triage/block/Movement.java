package io.spineintake.triage.block;

import io.spineintake.triage.form.Answer;
import io.spineintake.triage.form.Movements;
import java.util.ArrayList;
import java.util.List;

/**
 * A movement or position the intake form asks about (see {@link Movements}); the diary asks, at
 * each time point, about those that the patient's intake said make the pain worse.
 */
public enum Movement {
    BENDING_FORWARD, BENDING_BACKWARD, TWISTING, SIDE_BENDING, EXTENSION_WITH_ROTATION, RISING_FROM_BENT,
    PROLONGED_STANDING, PROLONGED_SITTING, WALKING, COUGHING_SNEEZING, LOOKING_UP, TURNING_HEAD;

    /** The movements the patient answered YES to (makes the pain worse), in the form's order. */
    public static List<Movement> aggravating(Movements m) {
        List<Movement> out = new ArrayList<>();
        if (m == null) {
            return out;
        }
        Answer[] answers = {m.bendingForward(), m.bendingBackward(), m.twisting(), m.sideBending(),
                m.extensionWithRotation(), m.risingFromBent(), m.prolongedStanding(), m.prolongedSitting(),
                m.walking(), m.coughingSneezing(), m.lookingUp(), m.turningHead()};
        for (int i = 0; i < answers.length; i++) {
            if (Answer.isYes(answers[i])) {
                out.add(values()[i]);
            }
        }
        return List.copyOf(out);
    }
}
