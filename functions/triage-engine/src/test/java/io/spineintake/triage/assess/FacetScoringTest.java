package io.spineintake.triage.assess;

import static org.assertj.core.api.Assertions.assertThat;

import io.spineintake.triage.FormBuilder;
import io.spineintake.triage.TriageEngine;
import io.spineintake.triage.rules.RuleSet;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One focused test per scoring rule, on a form where nothing else scores. */
class FacetScoringTest {
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final TriageEngine ENGINE = new TriageEngine(RuleSet.bundled());
    static final String R = "/pain/regions/0";

    static RegionAssessment score(FormBuilder b) {
        return ENGINE.assess(b.form(), NOW).regions().get(0);
    }

    static FormBuilder lumbar() {
        return FormBuilder.blank().safetyClear();
    }

    static FormBuilder cervical() {
        return FormBuilder.blank().safetyClear().set(R + "/region", "CERVICAL");
    }

    static FormBuilder thoracic() {
        return FormBuilder.blank().safetyClear().set(R + "/region", "THORACIC");
    }

    @Test
    void aFormWithNothingAnsweredScoresZero() {
        RegionAssessment a = score(lumbar());
        assertThat(a.score()).isZero();
        assertThat(a.contributions()).isEmpty();
        assertThat(a.tier()).isEqualTo(Tier.LOW);
    }

    static Stream<Arguments> singleSignals() {
        return Stream.of(
                Arguments.of("lumbar extension", lumbar().set(R + "/worseWith/bendingBackward", "YES"), "S_EXTENSION", 15),
                Arguments.of("cervical looking up", cervical().set(R + "/worseWith/lookingUp", "YES"), "S_EXTENSION", 15),
                Arguments.of("lumbar twisting", lumbar().set(R + "/worseWith/twisting", "YES"), "S_ROTATION", 15),
                Arguments.of("lumbar extension-rotation", lumbar().set(R + "/worseWith/extensionWithRotation", "YES"), "S_ROTATION", 15),
                Arguments.of("cervical turning the head", cervical().set(R + "/worseWith/turningHead", "YES"), "S_ROTATION", 15),
                Arguments.of("lumbar axial above the knee", lumbar().set(R + "/pattern", "MOSTLY_AXIAL").set(R + "/spread", "THIGH_ABOVE_KNEE"), "S_AXIAL", 15),
                Arguments.of("cervical axial above the elbow", cervical().set(R + "/pattern", "MOSTLY_AXIAL").set(R + "/spread", "UPPER_ARM"), "S_AXIAL", 15),
                Arguments.of("thoracic axial", thoracic().set(R + "/pattern", "MOSTLY_AXIAL").set(R + "/spread", "SPINE_ONLY"), "S_AXIAL", 15),
                Arguments.of("tenderness", lumbar().set(R + "/tenderBesideSpine", "YES"), "S_TENDERNESS", 10),
                Arguments.of("eased lying down", lumbar().set(R + "/easedBy/lyingDown", "YES"), "S_EASED_LYING", 5),
                Arguments.of("cough does not hurt", lumbar().set(R + "/worseWith/coughingSneezing", "NO"), "S_NO_COUGH_PAIN", 5),
                Arguments.of("not worse bending forward", lumbar().set(R + "/worseWith/bendingForward", "NO"), "S_FORWARD_BENDING", 5),
                Arguments.of("eased bending forward", lumbar().set(R + "/easedBy/bendingForward", "YES"), "S_FORWARD_BENDING", 5),
                Arguments.of("morning stiffness", lumbar().set(R + "/morningStiffness", "YES"), "S_MORNING_STIFFNESS", 3),
                Arguments.of("lumbar age 66", lumbar().set("/patient/dateOfBirth", "1960-11-27"), "S_AGE", 5),
                Arguments.of("cervical age 56", cervical().set("/patient/dateOfBirth", "1970-11-27"), "S_AGE", 5),
                Arguments.of("lumbar facet arthropathy on imaging", lumbar().set("/findings/facetArthropathy", "YES"), "S_IMAGING", 10),
                Arguments.of("lumbar spondylosis on imaging", lumbar().set("/findings/spondylosisOrDegeneration", "YES"), "S_IMAGING", 10),
                Arguments.of("cervical imaging weighs less", cervical().set("/findings/facetArthropathy", "YES"), "S_IMAGING", 5),
                Arguments.of("cervical occipital headache", cervical().set(R + "/occipitalHeadache", "YES"), "S_OCCIPITAL_HEADACHE", 5),
                Arguments.of("prior block 80%", lumbar().set("/treatments/priorMedialBranchBlock/outcome", "HELPED")
                        .set("/treatments/priorMedialBranchBlock/reliefPercent", 80), "S_PRIOR_POSITIVE_BLOCK", 20),
                Arguments.of("lumbar pain below the knee", lumbar().set(R + "/spread", "BELOW_KNEE"), "S_DISTAL_SPREAD", -15),
                Arguments.of("cervical pain into the hand", cervical().set(R + "/spread", "HAND"), "S_DISTAL_SPREAD", -15),
                Arguments.of("thoracic pain around the chest", thoracic().set(R + "/spread", "AROUND_CHEST"), "S_DISTAL_SPREAD", -15),
                Arguments.of("numbness", lumbar().set(R + "/limbSymptoms/numbness", "YES"), "S_LIMB_NEURO", -10),
                Arguments.of("weakness", lumbar().set(R + "/limbSymptoms/weakness", "YES"), "S_LIMB_NEURO", -10),
                Arguments.of("cough hurts", lumbar().set(R + "/worseWith/coughingSneezing", "YES"), "S_COUGH_PAIN", -5),
                Arguments.of("mostly in the limb", lumbar().set(R + "/pattern", "MOSTLY_LIMB"), "S_LIMB_DOMINANT", -15));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleSignals")
    void eachSignalAddsItsRulesPointsAndExplainsThem(String name, FormBuilder form, String ruleId, int points) {
        RegionAssessment a = score(form);
        assertThat(a.contributions()).extracting(Contribution::ruleId).contains(ruleId);
        Contribution c = a.contributions().stream().filter(x -> x.ruleId().equals(ruleId)).findFirst().orElseThrow();
        assertThat(c.points()).isEqualTo(points);
        assertThat(c.text()).isNotBlank();
        assertThat(c.source()).isNotBlank();
        assertThat(c.questions()).isNotEmpty().allSatisfy(q -> assertThat(q).startsWith("/"));
        int base = base(a);
        if (points > 0) {
            assertThat(a.contributions()).filteredOn(x -> !x.ruleId().equals("S_REGION_PREVALENCE")).hasSize(1);
            assertThat(a.score()).isEqualTo(base + points);
        } else {
            assertThat(a.score()).isEqualTo(Math.max(0, base + points));
        }
    }

    /** The region's prevalence term (cervical and thoracic), present whatever is answered. */
    static int base(RegionAssessment a) {
        return a.contributions().stream().filter(c -> c.ruleId().equals("S_REGION_PREVALENCE"))
                .mapToInt(Contribution::points).sum();
    }

    @Test
    void theNeckAndMidBackStartFromTheirHigherPrevalence() {
        assertThat(score(lumbar()).contributions()).isEmpty();
        RegionAssessment neck = score(cervical());
        assertThat(neck.score()).isEqualTo(10);
        assertThat(neck.contributions()).singleElement().satisfies(c -> {
            assertThat(c.ruleId()).isEqualTo("S_REGION_PREVALENCE");
            assertThat(c.text()).contains("55%");
            assertThat(c.source()).contains("Manchikanti 2004");
        });
        assertThat(score(thoracic()).score()).isEqualTo(5);
    }

    @Test
    void ageRuleIsStrictlyOlderThanTheThreshold() {
        assertThat(score(lumbar().set("/patient/dateOfBirth", "1961-11-27")).score()).isZero(); // exactly 65
        assertThat(score(cervical().set("/patient/dateOfBirth", "1971-11-27")).score()).isEqualTo(10); // exactly 55: the base only
        assertThat(score(lumbar().set("/patient/dateOfBirth", "1960-11-27")).score()).isEqualTo(5); // 66
    }

    @Test
    void lookingUpAndTurningTheHeadScoreOnlyTheNeck() {
        assertThat(score(lumbar().set(R + "/worseWith/lookingUp", "YES").set(R + "/worseWith/turningHead", "YES")).score()).isZero();
        assertThat(score(lumbar().set(R + "/occipitalHeadache", "YES")).score()).isZero();
    }

    @Test
    void axialNeedsTheSpreadToStopAboveTheKnee() {
        assertThat(score(lumbar().set(R + "/pattern", "MOSTLY_AXIAL")).score()).as("spread unanswered").isZero();
        RegionAssessment below = score(lumbar().set(R + "/pattern", "MOSTLY_AXIAL").set(R + "/spread", "FOOT"));
        assertThat(below.contributions()).extracting(Contribution::ruleId).contains("S_DISTAL_SPREAD").doesNotContain("S_AXIAL");
    }

    @Test
    void blankIsNotNo() {
        assertThat(score(lumbar().set(R + "/worseWith/coughingSneezing", "UNSURE")).score()).isZero();
        assertThat(score(lumbar().set(R + "/worseWith/bendingForward", "YES")).score()).isZero();
    }

    @Test
    void priorBlockBelowTheThresholdScoresNothing() {
        FormBuilder f = lumbar().set("/treatments/priorMedialBranchBlock/outcome", "HELPED")
                .set("/treatments/priorMedialBranchBlock/reliefPercent", 79)
                .set("/treatments/priorMedialBranchBlock/reliefHours", 5.0)
                .set("/treatments/priorMedialBranchBlock/anaesthetic", "BUPIVACAINE");
        assertThat(score(f).score()).isZero();
        assertThat(score(f.set("/treatments/priorMedialBranchBlock/outcome", "NOT_TRIED")
                .set("/treatments/priorMedialBranchBlock/reliefPercent", 90)).score()).isZero();
    }

    @Test
    void aConcordantPositiveBlockRaisesTheScoreToTheHighThreshold() {
        FormBuilder f = lumbar().set("/treatments/priorMedialBranchBlock/outcome", "HELPED")
                .set("/treatments/priorMedialBranchBlock/reliefPercent", 90)
                .set("/treatments/priorMedialBranchBlock/reliefHours", 3.0)
                .set("/treatments/priorMedialBranchBlock/anaesthetic", "BUPIVACAINE");
        RegionAssessment a = score(f);
        assertThat(a.score()).isEqualTo(60);
        assertThat(a.tier()).isEqualTo(Tier.HIGH);
        assertThat(a.contributions()).extracting(Contribution::ruleId)
                .containsExactly("S_PRIOR_POSITIVE_BLOCK", "S_PRIOR_POSITIVE_BLOCK_FLOOR");
        assertThat(a.contributions().stream().mapToInt(Contribution::points).sum()).isEqualTo(a.score());
    }

    @Test
    void reliefShorterThanTheAnaestheticLastsIsNotConcordant() {
        FormBuilder f = lumbar().set("/treatments/priorMedialBranchBlock/outcome", "HELPED")
                .set("/treatments/priorMedialBranchBlock/reliefPercent", 90)
                .set("/treatments/priorMedialBranchBlock/reliefHours", 1.0)
                .set("/treatments/priorMedialBranchBlock/anaesthetic", "BUPIVACAINE");
        assertThat(score(f).score()).isEqualTo(20);
        assertThat(score(f.set("/treatments/priorMedialBranchBlock/anaesthetic", "LIDOCAINE")).score()).isEqualTo(60);
    }

    @Test
    void aPriorBlockCountsForTheMainRegionOnly() {
        FormBuilder f = lumbar().set("/pain/regions/1/region", "CERVICAL").set("/pain/mainRegion", "CERVICAL")
                .set("/treatments/priorMedialBranchBlock/outcome", "HELPED")
                .set("/treatments/priorMedialBranchBlock/reliefPercent", 85);
        var a = ENGINE.assess(f.form(), NOW);
        assertThat(a.regions()).extracting(RegionAssessment::region).map(Enum::name).containsExactly("CERVICAL", "LUMBAR");
        assertThat(a.regions().get(0).score()).isEqualTo(10 + 20);
        assertThat(a.regions().get(1).score()).isZero();
        assertThat(a.regions().get(0).main()).isTrue();
        assertThat(a.regions().get(1).main()).isFalse();
    }

    @Test
    void scoresAreClampedAndTheClampIsExplained() {
        FormBuilder f = lumbar().set(R + "/spread", "FOOT").set(R + "/pattern", "MOSTLY_LIMB")
                .set(R + "/limbSymptoms/tingling", "YES").set(R + "/worseWith/coughingSneezing", "YES");
        RegionAssessment a = score(f);
        assertThat(a.score()).isZero();
        assertThat(a.contributions()).extracting(Contribution::ruleId).contains("CLAMP");
        assertThat(a.contributions().stream().mapToInt(Contribution::points).sum()).isZero();
    }

    @Test
    void tiersFollowTheThresholds() {
        // 15 + 15 + 15 + 10 + 3 = 58 ; + 5 (lying) = 63
        FormBuilder f = lumbar().set(R + "/worseWith/bendingBackward", "YES").set(R + "/worseWith/twisting", "YES")
                .set(R + "/pattern", "MOSTLY_AXIAL").set(R + "/spread", "SPINE_ONLY").set(R + "/tenderBesideSpine", "YES")
                .set(R + "/morningStiffness", "YES");
        assertThat(score(f).score()).isEqualTo(58);
        assertThat(score(f).tier()).isEqualTo(Tier.MODERATE);
        assertThat(score(f.set(R + "/worseWith/coughingSneezing", "NO").set(R + "/morningStiffness", "NO")).score()).isEqualTo(60);
        assertThat(score(f).tier()).isEqualTo(Tier.HIGH);
        FormBuilder low = lumbar().set(R + "/worseWith/bendingBackward", "YES").set(R + "/worseWith/twisting", "YES")
                .set(R + "/easedBy/lyingDown", "NO");
        assertThat(score(low).score()).isEqualTo(30);
        assertThat(score(low).tier()).isEqualTo(Tier.LOW);
        assertThat(score(low.set(R + "/worseWith/bendingForward", "NO")).score()).isEqualTo(35);
        assertThat(score(low).tier()).isEqualTo(Tier.MODERATE);
    }

    static FormBuilder positiveBlock(double hours, String anaesthetic) {
        return lumbar().set("/treatments/priorMedialBranchBlock/outcome", "HELPED")
                .set("/treatments/priorMedialBranchBlock/reliefPercent", 90)
                .set("/treatments/priorMedialBranchBlock/reliefHours", hours)
                .set("/treatments/priorMedialBranchBlock/anaesthetic", anaesthetic);
    }

    @Test
    void reliefLastingExactlyAsLongAsTheAnaestheticIsConcordant() {
        // bundled rule set: bupivacaine acts for 2 hours; "as long as the anaesthetic" includes exactly 2
        RegionAssessment a = score(positiveBlock(2.0, "BUPIVACAINE"));
        assertThat(a.score()).isEqualTo(60);
        assertThat(a.contributions()).extracting(Contribution::ruleId)
                .containsExactly("S_PRIOR_POSITIVE_BLOCK", "S_PRIOR_POSITIVE_BLOCK_FLOOR");
        assertThat(a.contributions().get(1).points()).isEqualTo(40);
        assertThat(a.contributions().get(1).questions()).containsExactly(
                "/treatments/priorMedialBranchBlock/reliefHours", "/treatments/priorMedialBranchBlock/anaesthetic");
    }

    @Test
    void theFloorAddsNothingWhenTheScoreAlreadyReachesIt() {
        // 20 (block) + 15 + 15 + 10 = 60 = the floor: no floor contribution of 0 points
        RegionAssessment a = score(positiveBlock(3.0, "BUPIVACAINE").set(R + "/worseWith/bendingBackward", "YES")
                .set(R + "/worseWith/twisting", "YES").set(R + "/tenderBesideSpine", "YES"));
        assertThat(a.score()).isEqualTo(60);
        assertThat(a.contributions()).extracting(Contribution::ruleId)
                .containsExactly("S_EXTENSION", "S_ROTATION", "S_TENDERNESS", "S_PRIOR_POSITIVE_BLOCK");
    }
}
