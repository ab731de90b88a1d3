package io.spineintake.triage.assess;

import java.util.List;

/**
 * The ordered disposition rules of spec section 6 (revised): the first that matches decides.
 * Conservative care is checked before the low-score rule, so a patient in the first weeks of pain
 * who has tried nothing is advised, not sent elsewhere. A repeat-RFA candidate is a consult
 * whatever the history score. Hard-stop questions left blank or unsure count as an urgent flag
 * ("ask the patient"), so such a form is never routine work.
 */
final class DispositionRules {
    record Decision(Disposition disposition, int rule, String reason) {
    }

    private DispositionRules() {
    }

    static Decision decide(RedFlags flags, List<ReadinessCriterion> readiness, Tier tier, String repeatRfa) {
        if (!flags.hardStops().isEmpty()) {
            return new Decision(Disposition.EMERGENCY, 1, "Hard-stop red flag: " + ids(flags.hardStops()));
        }
        if (!flags.urgent().isEmpty()) {
            return new Decision(Disposition.URGENT_REVIEW, 2, "Urgent red flag: " + ids(flags.urgent()));
        }
        if (!flags.unansweredHardStops().isEmpty()) {
            return new Decision(Disposition.URGENT_REVIEW, 2,
                    "Hard-stop safety questions not answered: ask the patient " + String.join(", ", flags.unansweredHardStops()));
        }
        ReadinessCriterion r1 = readiness.get(0);
        ReadinessCriterion r2 = readiness.get(1);
        ReadinessCriterion r3 = readiness.get(2);
        ReadinessCriterion r4 = readiness.get(3);
        if (r3.status() == CriterionStatus.NOT_MET || r4.status() == CriterionStatus.NOT_MET) {
            return new Decision(Disposition.OTHER_PATHWAY, 3,
                    (r3.status() == CriterionStatus.NOT_MET ? r3 : r4).explanation());
        }
        if (repeatRfa != null) {
            return new Decision(Disposition.CONSULT, 6, repeatRfa);
        }
        if (r1.status() == CriterionStatus.NOT_MET || r2.status() == CriterionStatus.NOT_MET) {
            return new Decision(Disposition.CONSERVATIVE_CARE_FIRST, 4,
                    (r1.status() == CriterionStatus.NOT_MET ? r1 : r2).explanation());
        }
        if (tier == Tier.LOW) {
            return new Decision(Disposition.OTHER_PATHWAY, 5, "Facet likelihood tier LOW");
        }
        return new Decision(Disposition.CONSULT, 6, "Facet likelihood tier " + tier + ", no rule above matched");
    }

    private static String ids(List<RedFlag> flags) {
        StringBuilder b = new StringBuilder();
        for (RedFlag f : flags) {
            b.append(b.length() == 0 ? "" : ", ").append(f.id());
        }
        return b.toString();
    }
}
