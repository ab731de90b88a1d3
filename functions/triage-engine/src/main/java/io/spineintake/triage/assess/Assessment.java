package io.spineintake.triage.assess;

import java.util.List;

/**
 * The engine's whole result for one form. {@code regions} lists the main region first.
 * {@code tier} and {@code score} are the main region's. {@code priorityKey} sorts the worklist
 * ascending (see {@link PriorityKey}). {@code toConfirm} lists what a coordinator must confirm with
 * the patient. {@code severity} names the severity group that ranks an emergency or urgent intake
 * (null when none holds); {@code repeatRfaCandidate} marks a prior ablation that worked;
 * {@code recontactAt} is when a conservative-care patient is to be contacted again (null otherwise);
 * {@code advice} is what the patient is told to do besides the next steps.
 */
public record Assessment(
        String ruleSetVersion,
        RedFlags redFlags,
        List<ReadinessCriterion> readiness,
        List<RegionAssessment> regions,
        int score,
        Tier tier,
        Disposition disposition,
        int dispositionRule,
        String dispositionReason,
        List<String> toConfirm,
        List<String> procedureNotes,
        String priorityKey,
        PatientMessage patientMessage,
        int flagCount,
        String severity,
        boolean repeatRfaCandidate,
        java.time.Instant recontactAt,
        List<PatientAdvice> advice) {
    public Assessment {
        readiness = List.copyOf(readiness);
        regions = List.copyOf(regions);
        toConfirm = List.copyOf(toConfirm);
        procedureNotes = List.copyOf(procedureNotes);
        advice = List.copyOf(advice);
    }
}
