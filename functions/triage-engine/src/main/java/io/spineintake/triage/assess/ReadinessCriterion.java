package io.spineintake.triage.assess;

import java.util.List;

/**
 * One of the four coverage-readiness criteria (spec section 4), with the answers that
 * decided it and a plain explanation.
 */
public record ReadinessCriterion(
        int number, String id, String text, CriterionStatus status, String explanation, List<Evidence> evidence) {
    public ReadinessCriterion {
        evidence = List.copyOf(evidence);
    }
}
