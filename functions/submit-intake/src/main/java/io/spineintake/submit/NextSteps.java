package io.spineintake.submit;

import io.spineintake.triage.assess.PatientMessage;

/**
 * What the patient reads after submitting: a message code for the web form to localise, an English
 * text, and the safety advice every patient gets. Never the score, tier or disposition.
 */
public record NextSteps(PatientMessage code, String message, String safetyAdvice) {
    static final String SAFETY_ADVICE = "If you develop numbness between your legs or around your bottom, new trouble"
            + " passing urine or controlling your bladder or bowels, or weakness in your legs that is getting worse,"
            + " go to an emergency department or call your local emergency number at once.";

    public static NextSteps of(PatientMessage code) {
        String message = switch (code) {
            case SEEK_EMERGENCY_CARE_NOW -> "Some of your answers can be a sign of a problem that needs care today."
                    + " Please go to an emergency department or call your local emergency number now."
                    + " Do not wait for us to contact you.";
            case CLINICIAN_WILL_CALL_SOON -> "Thank you. A clinician will review your answers and contact you within"
                    + " one working day. If your symptoms get worse before then, seek urgent care.";
            case CONSULT_TEAM_WILL_CONTACT -> "Thank you. Our intake team will review your form and contact you to"
                    + " arrange a consultation.";
            case SPINE_CLINIC_WILL_CONTACT -> "Thank you. Our team will review your form and contact you about the"
                    + " consultation that best suits your symptoms.";
            case CONSERVATIVE_CARE_ADVICE -> "Thank you. For pain like yours, treatments such as physical therapy and"
                    + " regular exercise are usually the best first step. Our team will contact you with advice and a"
                    + " date to check in.";
        };
        return new NextSteps(code, message, SAFETY_ADVICE);
    }
}
