package io.spineintake.triage.assess;

import java.util.List;

/**
 * The engine's whole result for one form. {@code regions} lists the main region first.
 * {@code tier} and {@code score} are the main region's. {@code priorityKey} sorts the consult
 * queue ascending: emergency, urgent, consult; then more urgent flags; then higher score; then
 * older. {@code toConfirm} lists what a coordinator must confirm with the patient.
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
        PatientMessage patientMessage) {
    public Assessment {
        readiness = List.copyOf(readiness);
        regions = List.copyOf(regions);
        toConfirm = List.copyOf(toConfirm);
        procedureNotes = List.copyOf(procedureNotes);
    }
}
