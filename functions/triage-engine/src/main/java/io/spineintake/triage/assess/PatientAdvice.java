package io.spineintake.triage.assess;

import io.spineintake.triage.form.Region;

/**
 * What to do, told to the patient with the next steps: for each hard-stop flag raised, what to do
 * now; for each painful region, the warning signs to act on. Codes are stable; the words (English
 * and Spanish) are in patient-messages.json, which the web form reads too.
 */
public enum PatientAdvice {
    EMERGENCY_CAUDA_EQUINA,
    EMERGENCY_LEG_WEAKNESS,
    EMERGENCY_MYELOPATHY,
    EMERGENCY_STROKE,
    SAFETY_LOW_BACK,
    SAFETY_MID_BACK,
    SAFETY_NECK;

    public static PatientAdvice safetyFor(Region region) {
        return switch (region) {
            case LUMBAR -> SAFETY_LOW_BACK;
            case THORACIC -> SAFETY_MID_BACK;
            case CERVICAL -> SAFETY_NECK;
        };
    }
}
