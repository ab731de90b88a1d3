package io.spineintake.triage.assess;

/**
 * What the patient is told next. Never carries the score: the score orders a coordinator's
 * queue and is not a diagnosis.
 */
public enum PatientMessage {
    SEEK_EMERGENCY_CARE_NOW,
    CLINICIAN_WILL_CALL_SOON,
    CONSULT_TEAM_WILL_CONTACT,
    SPINE_CLINIC_WILL_CONTACT,
    CONSERVATIVE_CARE_ADVICE;

    public static PatientMessage of(Disposition d) {
        return switch (d) {
            case EMERGENCY -> SEEK_EMERGENCY_CARE_NOW;
            case URGENT_REVIEW -> CLINICIAN_WILL_CALL_SOON;
            case CONSULT -> CONSULT_TEAM_WILL_CONTACT;
            case OTHER_PATHWAY -> SPINE_CLINIC_WILL_CONTACT;
            case CONSERVATIVE_CARE_FIRST -> CONSERVATIVE_CARE_ADVICE;
        };
    }
}
