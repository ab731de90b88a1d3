package io.spineintake.triage;

import io.spineintake.triage.assess.Assessment;
import io.spineintake.triage.assess.Disposition;
import io.spineintake.triage.assess.PatientMessage;
import io.spineintake.triage.assess.ReadinessCriterion;
import io.spineintake.triage.assess.RedFlags;
import io.spineintake.triage.assess.RegionAssessment;
import io.spineintake.triage.assess.Triage;
import io.spineintake.triage.form.IntakeForm;
import io.spineintake.triage.rules.RuleSet;
import java.time.Instant;
import java.util.Map;

/**
 * Turns a valid intake form into an assessment. Pure: records in, records out; the same form,
 * time and rule set always give the same assessment. Thread-safe; build once.
 */
public final class TriageEngine {
    private final Triage triage;

    public TriageEngine(RuleSet rules) {
        this.triage = new Triage(rules);
    }

    /** The bundled rule set, or a clinic's own file named by {@code TRIAGE_RULES_FILE}. */
    public static TriageEngine fromEnvironment(Map<String, String> environment) {
        return new TriageEngine(RuleSet.fromEnvironment(environment));
    }

    public String ruleSetVersion() {
        return triage.rules().version();
    }

    /** @param receivedAt when the form arrived: sets the patient's age and the queue's "older first" */
    public Assessment assess(IntakeForm form, Instant receivedAt) {
        return triage.assess(form, receivedAt);
    }

    /** The four readiness criteria for one region of the form (see {@link Triage#readiness}). */
    public java.util.List<ReadinessCriterion> readiness(IntakeForm form, io.spineintake.triage.form.Region region) {
        return triage.readiness(form, region);
    }
}
