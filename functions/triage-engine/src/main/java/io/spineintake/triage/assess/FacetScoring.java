package io.spineintake.triage.assess;

import static io.spineintake.triage.form.Answer.isNo;
import static io.spineintake.triage.form.Answer.isYes;

import io.spineintake.triage.form.Anaesthetic;
import io.spineintake.triage.form.Findings;
import io.spineintake.triage.form.PainPattern;
import io.spineintake.triage.form.PriorProcedure;
import io.spineintake.triage.form.Region;
import io.spineintake.triage.form.RegionPain;
import io.spineintake.triage.form.Spread;
import io.spineintake.triage.form.TreatmentOutcome;
import io.spineintake.triage.rules.RuleSet;
import io.spineintake.triage.rules.ScoringRule;
import io.spineintake.triage.rules.Signal;
import java.util.ArrayList;
import java.util.List;

/**
 * The facet-likelihood score of one region (spec section 5): each signal that holds adds its
 * rule's points, the sum is clamped to 0-100, and a prior positive block can raise it to the
 * rule's floor. Every point is a {@link Contribution} naming its rule, text, source and questions.
 */
final class FacetScoring {
    private final RuleSet rules;

    FacetScoring(RuleSet rules) {
        this.rules = rules;
    }

    /**
     * @param at    JSON pointer of the region in the form, e.g. "/pain/regions/0"
     * @param age   the patient's age in whole years, or null when unknown
     * @param main  whether this is the main complaint (a prior block is credited to it)
     */
    RegionAssessment score(RegionPain pain, String at, boolean main, Integer age, Findings findings,
                           PriorProcedure priorBlock) {
        Region region = pain.region();
        boolean neck = region == Region.CERVICAL;
        List<Contribution> out = new ArrayList<>();
        add(out, Signal.REGION_PREVALENCE, region, true);

        if (neck) {
            add(out, Signal.EXTENSION, region, isYes(pain.worseWith().lookingUp()) || isYes(pain.worseWith().bendingBackward()),
                    at + "/worseWith/lookingUp", at + "/worseWith/bendingBackward");
            add(out, Signal.ROTATION, region, isYes(pain.worseWith().turningHead()) || isYes(pain.worseWith().twisting()),
                    at + "/worseWith/turningHead", at + "/worseWith/twisting");
        } else {
            add(out, Signal.EXTENSION, region, isYes(pain.worseWith().bendingBackward()),
                    at + "/worseWith/bendingBackward");
            add(out, Signal.ROTATION, region,
                    isYes(pain.worseWith().twisting()) || isYes(pain.worseWith().extensionWithRotation()),
                    at + "/worseWith/twisting", at + "/worseWith/extensionWithRotation");
        }
        add(out, Signal.AXIAL, region,
                pain.pattern() == PainPattern.MOSTLY_AXIAL && pain.spread() != null && !distal(pain.spread()),
                at + "/pattern", at + "/spread");
        add(out, Signal.TENDERNESS, region, isYes(pain.tenderBesideSpine()), at + "/tenderBesideSpine");
        add(out, Signal.EASED_LYING, region, isYes(pain.easedBy().lyingDown()), at + "/easedBy/lyingDown");
        add(out, Signal.NO_COUGH_PAIN, region, isNo(pain.worseWith().coughingSneezing()),
                at + "/worseWith/coughingSneezing");
        add(out, Signal.FORWARD_BENDING, region,
                isNo(pain.worseWith().bendingForward()) || isYes(pain.easedBy().bendingForward()),
                at + "/worseWith/bendingForward", at + "/easedBy/bendingForward");
        add(out, Signal.MORNING_STIFFNESS, region, isYes(pain.morningStiffness()), at + "/morningStiffness");
        Integer ageOver = rules.rule(Signal.AGE).paramFor(region);
        add(out, Signal.AGE, region, age != null && ageOver != null && age > ageOver, "/patient/dateOfBirth");
        add(out, Signal.IMAGING, region,
                isYes(findings.facetArthropathy()) || isYes(findings.spondylosisOrDegeneration()),
                "/findings/facetArthropathy", "/findings/spondylosisOrDegeneration");
        add(out, Signal.OCCIPITAL_HEADACHE, region, isYes(pain.occipitalHeadache()), at + "/occipitalHeadache");
        boolean positiveBlock = main && positiveBlock(priorBlock);
        add(out, Signal.PRIOR_POSITIVE_BLOCK, region, positiveBlock,
                "/treatments/priorMedialBranchBlock/reliefPercent");

        add(out, Signal.DISTAL_SPREAD, region, pain.spread() != null && distal(pain.spread()), at + "/spread");
        add(out, Signal.LIMB_NEURO, region, pain.limbSymptoms().anyYes(),
                at + "/limbSymptoms/numbness", at + "/limbSymptoms/tingling", at + "/limbSymptoms/weakness");
        add(out, Signal.COUGH_PAIN, region, isYes(pain.worseWith().coughingSneezing()),
                at + "/worseWith/coughingSneezing");
        add(out, Signal.LIMB_DOMINANT, region, pain.pattern() == PainPattern.MOSTLY_LIMB, at + "/pattern");

        int sum = 0;
        for (Contribution c : out) {
            sum += c.points();
        }
        int score = Math.max(0, Math.min(100, sum));
        if (sum != score) {
            out.add(new Contribution("CLAMP", "Score kept within 0 to 100", score - sum,
                    "Spec section 5", List.of()));
        }
        ScoringRule block = rules.rule(Signal.PRIOR_POSITIVE_BLOCK);
        if (positiveBlock && block.floor() != null && concordant(priorBlock) && score < block.floor()) {
            out.add(new Contribution(block.id() + "_FLOOR", block.floorText(), block.floor() - score, block.source(),
                    List.of("/treatments/priorMedialBranchBlock/reliefHours",
                            "/treatments/priorMedialBranchBlock/anaesthetic")));
            score = block.floor();
        }
        return new RegionAssessment(region, main, score, tier(score), out);
    }

    Tier tier(int score) {
        if (score >= rules.highThreshold()) {
            return Tier.HIGH;
        }
        return score >= rules.moderateThreshold() ? Tier.MODERATE : Tier.LOW;
    }

    /** Spread past the knee, past the elbow, or around the chest: a radicular pattern. */
    static boolean distal(Spread spread) {
        return switch (spread) {
            case BELOW_KNEE, FOOT, BELOW_ELBOW, HAND, AROUND_CHEST -> true;
            case SPINE_ONLY, BUTTOCK, THIGH_ABOVE_KNEE, SHOULDER, UPPER_ARM -> false;
        };
    }

    /** A prior block that relieved at least the rule set's minimum percent. */
    boolean positiveBlock(PriorProcedure block) {
        return block != null && block.outcome() != TreatmentOutcome.NOT_TRIED && block.reliefPercent() != null
                && block.reliefPercent() >= rules.blockMinimumReliefPercent();
    }

    /** Relief lasted at least as long as the anaesthetic used is expected to act. */
    boolean concordant(PriorProcedure block) {
        if (block.reliefHours() == null) {
            return false;
        }
        Anaesthetic anaesthetic = block.anaesthetic() == null ? Anaesthetic.UNKNOWN : block.anaesthetic();
        return block.reliefHours() >= rules.blockMinimumHours().get(anaesthetic);
    }

    private void add(List<Contribution> out, Signal signal, Region region, boolean holds, String... questions) {
        ScoringRule rule = rules.rule(signal);
        if (!holds || !rule.appliesTo(region) || rule.pointsFor(region) == 0) {
            return;
        }
        out.add(new Contribution(rule.id(), rule.textFor(region), rule.pointsFor(region), rule.source(),
                List.of(questions)));
    }
}
