package io.spineintake.triage.form;

import io.spineintake.triage.TestForms;

import static io.spineintake.triage.TestForms.CONTRACT;
import static io.spineintake.triage.TestForms.NODES;
import static io.spineintake.triage.TestForms.minimal;
import static io.spineintake.triage.TestForms.read;
import static io.spineintake.triage.TestForms.utf8;
import static io.spineintake.triage.TestForms.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A valid form is accepted, mapped field by field, written back unchanged. */
class FormContractTest {

    /** Every property of the form, each with a value that tells it apart. */
    static final String FULL = """
            {
              "patient": {
                "name": "Zoë Ånström-Test",
                "dateOfBirth": "1958-03-09",
                "phone": "+44 (20) 7946-0958",
                "email": "zoe.test@example.org",
                "preferredContact": "EMAIL",
                "postcode": "SW1A 1AA",
                "language": "en-GB"
              },
              "consent": {"contact": true, "dataProcessing": true},
              "pain": {
                "regions": [
                  {
                    "region": "CERVICAL",
                    "side": "LEFT",
                    "durationMonths": 9,
                    "onset": "AFTER_INJURY",
                    "pattern": "MOSTLY_AXIAL",
                    "spread": "SHOULDER",
                    "occipitalHeadache": "YES",
                    "limbSymptoms": {"numbness": "NO", "tingling": "UNSURE", "weakness": "YES"},
                    "worseWith": {
                      "bendingForward": "NO", "bendingBackward": "YES", "twisting": "UNSURE",
                      "sideBending": "YES", "extensionWithRotation": "NO", "risingFromBent": "UNSURE",
                      "prolongedStanding": "YES", "prolongedSitting": "NO", "walking": "UNSURE",
                      "coughingSneezing": "NO", "lookingUp": "YES", "turningHead": "UNSURE"
                    },
                    "easedBy": {"lyingDown": "YES", "sitting": "NO", "bendingForward": "UNSURE", "walking": "NO"},
                    "morningStiffness": "UNSURE",
                    "tenderBesideSpine": "YES"
                  },
                  {
                    "region": "LUMBAR",
                    "side": "BOTH",
                    "durationMonths": 14,
                    "onset": "GRADUAL",
                    "pattern": "MOSTLY_LIMB",
                    "spread": "THIGH_ABOVE_KNEE",
                    "occipitalHeadache": null,
                    "worseWith": {"twisting": "YES"},
                    "morningStiffness": "NO"
                  },
                  {
                    "region": "THORACIC",
                    "side": "CENTRAL",
                    "durationMonths": 600,
                    "onset": "AFTER_MAJOR_TRAUMA",
                    "spread": "AROUND_CHEST"
                  }
                ],
                "mainRegion": "LUMBAR",
                "nrs": {"now": 5, "average": 6, "worst": 9},
                "peg": {"averagePain": 7, "enjoymentOfLife": 6, "generalActivity": 5}
              },
              "treatments": {
                "physicalTherapy": {"outcome": "DID_NOT_HELP", "weeks": 8},
                "homeExercise": {"outcome": "HELPED", "weeks": 12},
                "analgesics": {"outcome": "COULD_NOT_TOLERATE"},
                "muscleRelaxants": {"outcome": "NOT_TRIED"},
                "manualTherapy": {"outcome": "HELPED", "weeks": 3},
                "acupuncture": {"weeks": 2},
                "massage": {"outcome": null},
                "spinalInjections": {"outcome": "DID_NOT_HELP", "weeks": 0},
                "priorMedialBranchBlock": {
                  "outcome": "HELPED", "reliefPercent": 85, "reliefHours": 2.5, "monthsAgo": 3, "anaesthetic": "LIDOCAINE"
                },
                "priorRadiofrequencyAblation": {
                  "outcome": "COULD_NOT_TOLERATE", "reliefPercent": 40, "reliefHours": 720, "monthsAgo": 12, "anaesthetic": "UNKNOWN"
                },
                "spineSurgery": {"outcome": "NOT_TRIED", "weeks": 520}
              },
              "findings": {
                "facetArthropathy": "YES", "spondylosisOrDegeneration": "UNSURE", "fracture": "NO",
                "tumour": "NO", "infection": "NO", "significantDeformity": "UNSURE",
                "radiculopathy": "NO", "stenosisWithClaudication": "YES", "osteoporosis": "UNSURE"
              },
              "safety": {
                "saddleNumbness": "NO", "bladderOrBowelChange": "NO", "worseningLegWeakness": "UNSURE",
                "handClumsinessOrGaitTrouble": "NO", "suddenNeckPainWithNeuroSymptoms": "NO",
                "historyOfCancer": "YES", "unexplainedWeightLoss": "NO", "feverOrChills": "UNSURE",
                "immunosuppressionOrSteroids": "NO", "injectingDrugUse": "NO", "recentSeriousInfection": "NO",
                "majorTrauma": "YES", "minorTraumaWithOsteoporosis": "NO", "constantNightPain": "UNSURE"
              },
              "procedure": {
                "bloodThinners": "YES", "contrastOrAnaestheticAllergy": "NO", "pregnant": "UNSURE",
                "pacemakerOrStimulator": "NO", "diabetes": "YES"
              },
              "notes": "Takes the bus; prefers mornings."
            }
            """;

    static IntakeForm fullExpected() {
        Answer y = Answer.YES;
        Answer n = Answer.NO;
        Answer u = Answer.UNSURE;
        RegionPain neck = new RegionPain(Region.CERVICAL, Side.LEFT, 9, Onset.AFTER_INJURY, PainPattern.MOSTLY_AXIAL,
                Spread.SHOULDER, y, new LimbSymptoms(n, u, y),
                new Movements(n, y, u, y, n, u, y, n, u, n, y, u, null),
                new Easing(y, n, u, n), u, y);
        RegionPain back = new RegionPain(Region.LUMBAR, Side.BOTH, 14, Onset.GRADUAL, PainPattern.MOSTLY_LIMB,
                Spread.THIGH_ABOVE_KNEE, null, null,
                new Movements(null, null, y, null, null, null, null, null, null, null, null, null, null),
                null, n, null);
        RegionPain chest = new RegionPain(Region.THORACIC, Side.CENTRAL, 600, Onset.AFTER_MAJOR_TRAUMA, null,
                Spread.AROUND_CHEST, null, null, null, null, null, null);
        return new IntakeForm(
                new Patient("Zoë Ånström-Test", LocalDate.of(1958, 3, 9), "+44 (20) 7946-0958", "zoe.test@example.org",
                        ContactChannel.EMAIL, "SW1A 1AA", "en-GB"),
                new Consent(true, true),
                new Pain(List.of(neck, back, chest), Region.LUMBAR, new PainScores(5, 6, 9), new Peg(7, 6, 5), null),
                new Treatments(
                        new Treatment(TreatmentOutcome.DID_NOT_HELP, 8),
                        new Treatment(TreatmentOutcome.HELPED, 12),
                        new Treatment(TreatmentOutcome.COULD_NOT_TOLERATE, null),
                        new Treatment(TreatmentOutcome.NOT_TRIED, null),
                        new Treatment(TreatmentOutcome.HELPED, 3),
                        new Treatment(null, 2),
                        new Treatment(null, null),
                        new Treatment(TreatmentOutcome.DID_NOT_HELP, 0),
                        new PriorProcedure(TreatmentOutcome.HELPED, 85, 2.5, 3, Anaesthetic.LIDOCAINE, null, null),
                        new PriorProcedure(TreatmentOutcome.COULD_NOT_TOLERATE, 40, 720.0, 12, Anaesthetic.UNKNOWN, null, null),
                        new Treatment(TreatmentOutcome.NOT_TRIED, 520)),
                new Findings(y, u, n, n, n, u, n, y, u),
                new SafetyScreen(n, n, u, n, n, y, n, u, n, n, n, y, n, u, null, null, null),
                new ProcedureScreen(y, n, u, n, y),
                "Takes the bus; prefers mornings.");
    }

    @Test
    void fullFormIsAcceptedAndEveryFieldMapped() {
        FormReading reading = read(FULL);

        assertThat(reading.violations()).isEmpty();
        assertThat(reading.isValid()).isTrue();
        // record equality compares every component, all the way down
        assertThat(reading.form()).isEqualTo(fullExpected());
    }

    @Test
    void fullFormSpotChecks() {
        IntakeForm form = read(FULL).form();

        assertThat(form.patient().dateOfBirth()).isEqualTo(LocalDate.of(1958, 3, 9));
        assertThat(form.pain().main().region()).isEqualTo(Region.LUMBAR);
        assertThat(form.pain().regions()).extracting(RegionPain::region)
                .containsExactly(Region.CERVICAL, Region.LUMBAR, Region.THORACIC);
        assertThat(form.treatments().priorMedialBranchBlock().reliefHours()).isEqualTo(2.5);
        assertThat(form.treatments().priorRadiofrequencyAblation().reliefHours()).isEqualTo(720.0);
        assertThat(form.pain().peg().score()).isEqualTo(6.0);
    }

    @Test
    void minimalFormIsAcceptedWithBlankGroups() {
        FormReading reading = read(minimal());

        assertThat(reading.violations()).isEmpty();
        IntakeForm form = reading.form();
        assertThat(form.patient()).isEqualTo(
                new Patient("Test Patient", LocalDate.of(1970, 5, 5), "+1 555 0100", null, null, null, null));
        assertThat(form.treatments()).isSameAs(Treatments.BLANK);
        assertThat(form.findings()).isSameAs(Findings.BLANK);
        assertThat(form.safety()).isSameAs(SafetyScreen.BLANK);
        assertThat(form.procedure()).isSameAs(ProcedureScreen.BLANK);
        assertThat(form.pain().nrs()).isSameAs(PainScores.BLANK);
        assertThat(form.pain().peg()).isSameAs(Peg.BLANK);
        assertThat(form.pain().mainRegion()).isNull();
        RegionPain region = form.pain().regions().get(0);
        assertThat(region.region()).isEqualTo(Region.LUMBAR);
        assertThat(region.worseWith()).isSameAs(Movements.BLANK);
        assertThat(region.easedBy()).isSameAs(Easing.BLANK);
        assertThat(region.limbSymptoms()).isSameAs(LimbSymptoms.BLANK);
        assertThat(form.notes()).isNull();
    }

    @Test
    void emailAloneIsEnoughContact() {
        ObjectNode doc = TestForms.without(minimal(), "/patient/phone");
        doc = with(doc, "/patient/email", "test.patient@example.com");

        FormReading reading = read(doc);

        assertThat(reading.violations()).isEmpty();
        assertThat(reading.form().patient().phone()).isNull();
        assertThat(reading.form().patient().email()).isEqualTo("test.patient@example.com");
    }

    @Test
    void blankAndNoStayDistinguishable() {
        ObjectNode doc = minimal();
        doc = with(doc, "/pain/regions/0/worseWith/twisting", "NO");
        doc = with(doc, "/pain/regions/0/worseWith/bendingBackward", NODES.nullNode());
        doc = with(doc, "/pain/regions/0/worseWith/walking", "UNSURE");
        doc = with(doc, "/safety/saddleNumbness", "NO");
        doc = with(doc, "/safety/bladderOrBowelChange", NODES.nullNode());
        doc = with(doc, "/treatments/physicalTherapy", NODES.objectNode());

        IntakeForm form = read(doc).form();

        Movements worse = form.pain().regions().get(0).worseWith();
        assertThat(worse.twisting()).isEqualTo(Answer.NO);
        assertThat(worse.bendingBackward()).isNull(); // sent as null
        assertThat(worse.walking()).isEqualTo(Answer.UNSURE);
        assertThat(worse.lookingUp()).isNull(); // absent
        assertThat(form.safety().saddleNumbness()).isEqualTo(Answer.NO);
        assertThat(form.safety().bladderOrBowelChange()).isNull();
        assertThat(form.safety().worseningLegWeakness()).isNull();
        assertThat(form.treatments().physicalTherapy()).isEqualTo(new Treatment(null, null)); // not NOT_TRIED
        assertThat(form.treatments().analgesics()).isNull();
    }

    @Test
    void nullForOptionalGroupsAndAnswersIsBlank() {
        ObjectNode doc = minimal();
        for (String group : List.of("/treatments", "/findings", "/safety", "/procedure", "/notes",
                "/pain/nrs", "/pain/peg", "/pain/mainRegion", "/patient/email", "/patient/postcode",
                "/patient/language", "/patient/preferredContact", "/pain/regions/0/worseWith",
                "/pain/regions/0/side", "/pain/regions/0/durationMonths", "/pain/regions/0/spread")) {
            doc = with(doc, group, NODES.nullNode());
        }

        FormReading reading = read(doc);

        assertThat(reading.violations()).isEmpty();
        assertThat(reading.form()).isEqualTo(read(minimal()).form());
    }

    @Test
    void nonCervicalQuestionsOnALumbarRegionAreAccepted() {
        ObjectNode doc = minimal();
        doc = with(doc, "/pain/regions/0/occipitalHeadache", "YES");
        doc = with(doc, "/pain/regions/0/worseWith/lookingUp", "YES");
        doc = with(doc, "/pain/regions/0/worseWith/turningHead", "YES");

        FormReading reading = read(doc);

        assertThat(reading.violations()).isEmpty();
        assertThat(reading.form().pain().regions().get(0).occipitalHeadache()).isEqualTo(Answer.YES);
    }

    @Test
    void wholeNumberWrittenWithDecimalPointIsAnInteger() {
        // JSON Schema 2020-12: 7.0 is an integer
        FormReading reading = read(with(minimal(), "/pain/nrs/now", NODES.numberNode(7.0)));

        assertThat(reading.violations()).isEmpty();
        assertThat(reading.form().pain().nrs().now()).isEqualTo(7);
    }

    @Test
    void fullFormRoundTripsThroughToJson() {
        IntakeForm form = read(FULL).form();

        String json = CONTRACT.toJson(form);
        FormReading again = CONTRACT.read(utf8(json));

        assertThat(again.violations()).isEmpty();
        assertThat(again.form()).isEqualTo(form);
        assertThat(json).contains("\"dateOfBirth\":\"1958-03-09\"").doesNotContain("null");
    }

    @Test
    void toJsonLeavesNullsOut() {
        String json = CONTRACT.toJson(read(minimal()).form());

        assertThat(json).doesNotContain("null").doesNotContain("\"email\"").contains("\"phone\":\"+1 555 0100\"");
    }

    @Test
    void mapperIsConfiguredAsTheContractRequires() {
        ObjectMapper mapper = CONTRACT.mapper();

        assertThat(mapper.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isTrue();
        assertThat(mapper.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)).isFalse();
        assertThat(mapper.getFactory().isEnabled(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION))
                .isTrue();
        assertThat(mapper.getFactory().streamReadConstraints().getMaxNestingDepth()).isEqualTo(64);
        assertThat(mapper.getFactory().streamReadConstraints().getMaxStringLength()).isEqualTo(64 * 1024);
        assertThat(mapper.getSerializationConfig().getDefaultPropertyInclusion().getValueInclusion())
                .isEqualTo(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Zoë 😀 Ñandú",
        "e\u0301le\u0300ve", // combining accents, not normalised
        "\u05E9\u05DC\u05D5\u05DD \u200F\u0645\u0631\u062D\u0628\u0627", // Hebrew, RLM, Arabic
        "<script>alert('x')</script>",
        "Robert'); DROP TABLE patients;--",
        "${jndi:ldap://example.invalid/a} {{7*7}} %s %n",
        "back\\slash \"quoted\"",
        "👩🏽‍⚕️ family: 👨‍👩‍👧‍👦",
        "  leading and trailing spaces  "
    })
    void textIsKeptVerbatim(String text) {
        ObjectNode doc = minimal();
        doc = with(doc, "/patient/name", text);
        doc = with(doc, "/notes", text + "\n" + text);

        FormReading reading = read(doc);

        assertThat(reading.violations()).isEmpty();
        IntakeForm form = reading.form();
        assertThat(form.patient().name()).isEqualTo(text);
        assertThat(form.notes()).isEqualTo(text + "\n" + text);
        IntakeForm again = CONTRACT.read(utf8(CONTRACT.toJson(form))).form();
        assertThat(again.patient().name()).isEqualTo(text);
        assertThat(again.notes()).isEqualTo(text + "\n" + text);
    }

    @Test
    void nameLimitCountsCharactersNotUtf16Units() {
        String emoji200 = "😀".repeat(200);

        assertThat(read(with(minimal(), "/patient/name", emoji200)).violations()).isEmpty();
        assertThat(read(with(minimal(), "/patient/name", emoji200 + "😀")).violations())
                .containsExactly(new Violation("/patient/name", "must be at most 200 characters"));
    }

    @Test
    void utf8ByteOrderMarkIsAccepted() {
        byte[] body = TestForms.bytes(minimal());
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);

        assertThat(CONTRACT.read(withBom).violations()).isEmpty();
    }

    @Test
    void contractIsSafeToShareBetweenThreads() throws Exception {
        byte[] good = TestForms.resource("/forms/typical.json");
        byte[] bad = TestForms.bytes(with(minimal(), "/pain/nrs/now", NODES.numberNode(11)));
        FormReading goodExpected = CONTRACT.read(good);
        FormReading badExpected = CONTRACT.read(bad);
        assertThat(goodExpected.isValid()).isTrue();
        assertThat(badExpected.isValid()).isFalse();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> jobs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                jobs.add(() -> {
                    for (int i = 0; i < 500; i++) {
                        if (!CONTRACT.read(good).equals(goodExpected) || !CONTRACT.read(bad).equals(badExpected)) {
                            return false;
                        }
                    }
                    return true;
                });
            }
            for (Future<Boolean> f : pool.invokeAll(jobs)) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void loadGivesAWorkingContract() {
        FormContract contract = FormContract.load();
        JsonNode typical = TestForms.tree(new String(TestForms.resource("/forms/typical.json"),
                java.nio.charset.StandardCharsets.UTF_8));

        assertThat(contract.read(TestForms.bytes(typical)).violations()).isEmpty();
    }
}
