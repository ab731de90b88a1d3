package io.spineintake.triage.assess;

import static io.spineintake.triage.assess.CriterionStatus.MET;
import static io.spineintake.triage.assess.CriterionStatus.NOT_MET;
import static io.spineintake.triage.assess.CriterionStatus.UNKNOWN;

import io.spineintake.triage.form.Answer;
import io.spineintake.triage.form.Findings;
import io.spineintake.triage.form.IntakeForm;
import io.spineintake.triage.form.PainPattern;
import io.spineintake.triage.form.Peg;
import io.spineintake.triage.form.RegionPain;
import io.spineintake.triage.form.Treatment;
import io.spineintake.triage.form.Treatments;
import io.spineintake.triage.rules.RuleSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The four coverage-readiness criteria for a diagnostic medial branch block (spec section 4,
 * after the Medicare LCD "Facet Joint Interventions for Pain Management", 2021). Each is MET,
 * NOT_MET or UNKNOWN, with the answers that decided it. A criterion is NOT_MET when an answer
 * rules it out, MET when the answers settle every part, and UNKNOWN otherwise.
 */
final class ReadinessCheck {
    static final String PAIN = "R1_MODERATE_SEVERE_AXIAL_PAIN";
    static final String CONSERVATIVE = "R2_THREE_MONTHS_CONSERVATIVE_CARE";
    static final String NO_RADICULOPATHY = "R3_NO_RADICULOPATHY_OR_CLAUDICATION";
    static final String NO_OTHER_CAUSE = "R4_NO_NON_FACET_CAUSE";

    private final RuleSet rules;

    ReadinessCheck(RuleSet rules) {
        this.rules = rules;
    }

    List<ReadinessCriterion> evaluate(IntakeForm form, RegionPain main, String mainAt) {
        return List.of(pain(form, main, mainAt), conservativeCare(form, main, mainAt), radiculopathy(form, main, mainAt),
                otherCause(form.findings()));
    }

    /** Parts of a criterion: any NOT_MET decides; then any UNKNOWN; else MET. */
    private static CriterionStatus combine(CriterionStatus... parts) {
        CriterionStatus out = MET;
        for (CriterionStatus p : parts) {
            if (p == NOT_MET) {
                return NOT_MET;
            }
            if (p == UNKNOWN) {
                out = UNKNOWN;
            }
        }
        return out;
    }

    private ReadinessCriterion pain(IntakeForm form, RegionPain main, String at) {
        List<Evidence> ev = new ArrayList<>();
        Integer nrs = form.pain().nrs().average();
        Peg peg = form.pain().peg();
        Double pegScore = peg.score();
        int min = rules.minimumPain();
        CriterionStatus level;
        if ((nrs != null && nrs >= min) || (pegScore != null && pegScore >= min)) {
            level = MET;
        } else if (nrs != null || pegScore != null) {
            level = NOT_MET;
        } else {
            level = UNKNOWN;
        }
        ev.add(new Evidence("/pain/nrs/average", value(nrs)));
        ev.add(new Evidence("/pain/peg", pegScore == null ? "incomplete" : "mean " + format(pegScore)));

        PainPattern pattern = main.pattern();
        CriterionStatus axial = pattern == null ? UNKNOWN : pattern == PainPattern.MOSTLY_AXIAL ? MET : NOT_MET;
        ev.add(new Evidence(at + "/pattern", pattern == null ? "blank" : pattern.name()));

        Double interference = peg.interference();
        CriterionStatus deficit = interference == null ? UNKNOWN
                : interference >= rules.minimumInterference() ? MET : NOT_MET;
        ev.add(new Evidence("/pain/peg/enjoymentOfLife", value(peg.enjoymentOfLife())));
        ev.add(new Evidence("/pain/peg/generalActivity", value(peg.generalActivity())));

        CriterionStatus status = combine(level, axial, deficit);
        String why = switch (status) {
            case MET -> "Average pain or PEG at least " + min + ", mainly in the spine, and PEG interference at least "
                    + rules.minimumInterference();
            case NOT_MET -> level == NOT_MET ? "Pain is mild: average pain and PEG below " + min
                    : axial == NOT_MET ? "Pain is mainly in the arm or leg, not the spine"
                    : "PEG interference items below " + rules.minimumInterference() + ": no functional deficit shown";
            case UNKNOWN -> "Not settled by the answers: " + unknownParts(level, "pain level", axial, "pain pattern",
                    deficit, "PEG interference items");
        };
        return new ReadinessCriterion(1, PAIN, "Moderate to severe, mainly axial pain with a functional deficit",
                status, why, ev);
    }

    private ReadinessCriterion conservativeCare(IntakeForm form, RegionPain main, String at) {
        List<Evidence> ev = new ArrayList<>();
        Integer months = main.durationMonths();
        CriterionStatus duration = months == null ? UNKNOWN : months >= rules.minimumMonths() ? MET : NOT_MET;
        ev.add(new Evidence(at + "/durationMonths", months == null ? "blank" : months.toString()));

        Treatments t = form.treatments();
        int weeks = rules.minimumExerciseWeeks();
        CriterionStatus[] tried = {
            exercise(t.physicalTherapy(), weeks, "/treatments/physicalTherapy", ev),
            exercise(t.homeExercise(), weeks, "/treatments/homeExercise", ev),
            medication(t.analgesics(), "/treatments/analgesics", ev),
            medication(t.muscleRelaxants(), "/treatments/muscleRelaxants", ev),
        };
        // Any one failed course of conservative care is enough; all ruled out means none was.
        CriterionStatus care = NOT_MET;
        for (CriterionStatus s : tried) {
            if (s == MET) {
                care = MET;
                break;
            }
            if (s == UNKNOWN) {
                care = UNKNOWN;
            }
        }
        CriterionStatus status = combine(duration, care);
        String why = switch (status) {
            case MET -> "Pain for at least " + rules.minimumMonths() + " months and conservative care tried without enough relief";
            case NOT_MET -> duration == NOT_MET ? "Pain for less than " + rules.minimumMonths() + " months"
                    : "No course of conservative care (" + weeks + "+ weeks of therapy or exercise, or pain medication) tried without enough relief";
            case UNKNOWN -> "Not settled by the answers: " + unknownParts(duration, "how long the pain has lasted",
                    care, "conservative care tried");
        };
        return new ReadinessCriterion(2, CONSERVATIVE,
                "Pain for " + rules.minimumMonths() + " months or more, conservative care tried without enough relief",
                status, why, ev);
    }

    /** Exercise-based care counts when it failed after enough weeks. */
    private static CriterionStatus exercise(Treatment t, int minWeeks, String at, List<Evidence> ev) {
        if (t == null || t.outcome() == null) {
            ev.add(new Evidence(at, "blank"));
            return UNKNOWN;
        }
        ev.add(new Evidence(at, t.outcome().name() + (t.weeks() == null ? "" : ", " + t.weeks() + " weeks")));
        if (!t.outcome().failed()) {
            return NOT_MET;
        }
        if (t.weeks() == null) {
            return UNKNOWN;
        }
        return t.weeks() >= minWeeks ? MET : NOT_MET;
    }

    private static CriterionStatus medication(Treatment t, String at, List<Evidence> ev) {
        if (t == null || t.outcome() == null) {
            ev.add(new Evidence(at, "blank"));
            return UNKNOWN;
        }
        ev.add(new Evidence(at, t.outcome().name()));
        return t.outcome().failed() ? MET : NOT_MET;
    }

    private ReadinessCriterion radiculopathy(IntakeForm form, RegionPain main, String at) {
        Findings f = form.findings();
        List<Evidence> ev = new ArrayList<>();
        ev.add(new Evidence("/findings/radiculopathy", answer(f.radiculopathy())));
        ev.add(new Evidence("/findings/stenosisWithClaudication", answer(f.stenosisWithClaudication())));
        boolean radicularPicture = main.spread() != null && FacetScoring.distal(main.spread())
                && main.limbSymptoms().anyYes();
        Answer claudication = form.pain().claudicationPattern();
        if (claudication != null) {
            ev.add(new Evidence("/pain/claudicationPattern", answer(claudication)));
        }
        CriterionStatus status;
        String why;
        if (Answer.isYes(f.radiculopathy()) || Answer.isYes(f.stenosisWithClaudication())) {
            status = NOT_MET;
            why = "Diagnosed radiculopathy or spinal stenosis with neurogenic claudication";
        } else if (Answer.isYes(claudication)) {
            status = UNKNOWN;
            why = "Legs hurt or feel weak on walking and ease sitting or bending forward (a claudication pattern):"
                    + " confirm there is no spinal stenosis with neurogenic claudication";
        } else if (radicularPicture) {
            // a radicular pattern the patient describes is radiculopathy until a clinician says otherwise
            status = NOT_MET;
            ev.add(new Evidence(at + "/spread", main.spread().name()));
            ev.add(new Evidence(at + "/limbSymptoms", "YES"));
            why = "Pain past the knee or elbow with numbness, tingling or weakness: a radicular pattern (untreated radiculopathy)";
        } else if (Answer.isNo(f.radiculopathy()) && Answer.isNo(f.stenosisWithClaudication())) {
            status = MET;
            why = "No radiculopathy or neurogenic claudication reported";
        } else {
            status = UNKNOWN;
            why = "Not settled by the answers: radiculopathy or claudication not answered";
        }
        return new ReadinessCriterion(3, NO_RADICULOPATHY, "No untreated radiculopathy or neurogenic claudication",
                status, why, ev);
    }

    private static ReadinessCriterion otherCause(Findings f) {
        Answer[] answers = {f.fracture(), f.tumour(), f.infection(), f.significantDeformity()};
        String[] names = {"fracture", "tumour", "infection", "significantDeformity"};
        List<Evidence> ev = new ArrayList<>();
        boolean anyYes = false;
        boolean allNo = true;
        for (int i = 0; i < answers.length; i++) {
            ev.add(new Evidence("/findings/" + names[i], answer(answers[i])));
            anyYes |= Answer.isYes(answers[i]);
            allNo &= Answer.isNo(answers[i]);
        }
        CriterionStatus status = anyYes ? NOT_MET : allNo ? MET : UNKNOWN;
        String why = switch (status) {
            case NOT_MET -> "A known fracture, tumour, infection or significant deformity";
            case MET -> "No known fracture, tumour, infection or significant deformity";
            case UNKNOWN -> "Not settled by the answers: some known findings not answered";
        };
        return new ReadinessCriterion(4, NO_OTHER_CAUSE, "No known non-facet cause of the pain", status, why, ev);
    }

    private static String value(Integer i) {
        return i == null ? "blank" : i.toString();
    }

    private static String answer(Answer a) {
        return a == null ? "blank" : a.name();
    }

    private static String format(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(java.util.Locale.ROOT, "%.1f", d);
    }

    private static String unknownParts(Object... statusAndName) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < statusAndName.length; i += 2) {
            if (statusAndName[i] == UNKNOWN) {
                b.append(b.length() == 0 ? "" : ", ").append(statusAndName[i + 1]);
            }
        }
        return b.toString();
    }
}
