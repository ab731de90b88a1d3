package io.spineintake.triage.form;

import io.spineintake.triage.TestForms;

import static io.spineintake.triage.TestForms.CONTRACT;
import static io.spineintake.triage.TestForms.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The twelve reference vignettes (shared/clinical/vignettes.md) as intake forms: each passes the
 * contract and says exactly what the conversion convention (vignettes/README.md) says it should.
 */
class FormContractVignettesTest {

    static final LocalDate VIGNETTE_DAY = LocalDate.of(2026, 11, 27);

    static final String R0 = "pain.regions.0.";
    static final Set<String> V01_YES = Set.of(R0 + "worseWith.bendingBackward", R0 + "worseWith.twisting",
            R0 + "easedBy.lyingDown", R0 + "morningStiffness", R0 + "tenderBesideSpine", "findings.facetArthropathy");

    record Expected(int age, String regions, PainScores nrs, Peg peg, Set<String> yes, Map<String, String> treatments) {
    }

    static final Map<String, Expected> EXPECTED = Map.ofEntries(
            Map.entry("V01", new Expected(67, "LUMBAR BOTH 14 - MOSTLY_AXIAL BUTTOCK", new PainScores(6, 6, 8), new Peg(6, 6, 6),
                    V01_YES, Map.of("physicalTherapy", "DID_NOT_HELP 8", "analgesics", "DID_NOT_HELP -"))),
            Map.entry("V02", new Expected(45, "LUMBAR - 6 - MOSTLY_LIMB FOOT", new PainScores(7, 7, 9), Peg.BLANK,
                    Set.of(R0 + "limbSymptoms.tingling", R0 + "worseWith.coughingSneezing", R0 + "worseWith.bendingForward",
                            "findings.radiculopathy"),
                    Map.of("physicalTherapy", "DID_NOT_HELP 6"))),
            Map.entry("V03", new Expected(58, "LUMBAR - 0 AFTER_INJURY MOSTLY_AXIAL SPINE_ONLY", new PainScores(5, 5, 7), Peg.BLANK,
                    Set.of(R0 + "worseWith.bendingBackward"), Map.of())),
            Map.entry("V04", new Expected(52, "LUMBAR - 12 - MOSTLY_AXIAL SPINE_ONLY", PainScores.BLANK, Peg.BLANK,
                    Set.of("safety.saddleNumbness", "safety.bladderOrBowelChange"), Map.of())),
            Map.entry("V05", new Expected(71, "LUMBAR - 5 - MOSTLY_AXIAL SPINE_ONLY", PainScores.BLANK, Peg.BLANK,
                    Set.of("safety.historyOfCancer", "safety.unexplainedWeightLoss"), Map.of())),
            Map.entry("V06", new Expected(49, "CERVICAL - 9 AFTER_INJURY MOSTLY_AXIAL SPINE_ONLY", new PainScores(6, 6, 8), Peg.BLANK,
                    Set.of(R0 + "occipitalHeadache", R0 + "worseWith.turningHead", R0 + "worseWith.lookingUp",
                            R0 + "tenderBesideSpine"),
                    Map.of("physicalTherapy", "DID_NOT_HELP 6", "analgesics", "DID_NOT_HELP -"))),
            Map.entry("V07", new Expected(39, "CERVICAL - 4 - MOSTLY_LIMB HAND", PainScores.BLANK, Peg.BLANK,
                    Set.of(R0 + "limbSymptoms.numbness", R0 + "limbSymptoms.weakness", R0 + "worseWith.lookingUp"), Map.of())),
            Map.entry("V08", new Expected(55, "THORACIC - 8 - MOSTLY_AXIAL SPINE_ONLY", new PainScores(5, 5, 7), Peg.BLANK,
                    Set.of(R0 + "worseWith.twisting"), Map.of("physicalTherapy", "DID_NOT_HELP 6"))),
            Map.entry("V09", new Expected(62, "LUMBAR BOTH 12 - MOSTLY_AXIAL BUTTOCK", new PainScores(2, 2, 4), new Peg(2, 2, 2),
                    V01_YES, Map.of("physicalTherapy", "DID_NOT_HELP 8", "analgesics", "DID_NOT_HELP -"))),
            Map.entry("V10", new Expected(60, "LUMBAR - 18 - MOSTLY_AXIAL SPINE_ONLY", new PainScores(6, 6, 8), Peg.BLANK,
                    Set.of("treatments.priorMedialBranchBlock.painReturned"), Map.of("physicalTherapy", "DID_NOT_HELP 6", "analgesics", "DID_NOT_HELP -",
                            "priorMedialBranchBlock", "HELPED 90% 5.0h 6mo BUPIVACAINE"))),
            Map.entry("V11", new Expected(48, "LUMBAR - 10 AFTER_INJURY MOSTLY_AXIAL SPINE_ONLY", PainScores.BLANK, Peg.BLANK,
                    Set.of("findings.fracture", "findings.osteoporosis", "safety.minorTraumaWithOsteoporosis",
                            R0 + "worseWith.bendingBackward"), Map.of())),
            Map.entry("V12", new Expected(44, "LUMBAR - 7 - MOSTLY_AXIAL SPINE_ONLY | CERVICAL - 7 - MOSTLY_AXIAL SPINE_ONLY",
                    new PainScores(6, 6, 8), Peg.BLANK,
                    Set.of(R0 + "worseWith.twisting", "pain.regions.1.worseWith.turningHead"),
                    Map.of("physicalTherapy", "DID_NOT_HELP 6", "analgesics", "DID_NOT_HELP -"))));

    static Stream<Arguments> vignettes() {
        return EXPECTED.keySet().stream().sorted().map(Arguments::of);
    }

    static IntakeForm readVignette(String id) {
        FormReading reading = CONTRACT.read(resource("/vignettes/" + id + ".json"));
        assertThat(reading.violations()).as(id).isEmpty();
        return reading.form();
    }

    @Test
    void thereAreTwelveVignettes() {
        assertThat(EXPECTED).hasSize(12);
        for (int i = 1; i <= 12; i++) {
            assertThat(TestForms.class.getResource(String.format("/vignettes/V%02d.json", i))).isNotNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vignettes")
    void vignettePassesTheContract(String id) {
        assertThat(CONTRACT.read(resource("/vignettes/" + id + ".json")).violations()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vignettes")
    void vignetteFollowsTheConversionConvention(String id) {
        IntakeForm form = readVignette(id);
        Expected expected = EXPECTED.get(id);

        assertThat(form.patient().name()).isEqualTo("Test Patient " + id);
        assertThat(Period.between(form.patient().dateOfBirth(), VIGNETTE_DAY).getYears()).isEqualTo(expected.age());
        assertThat(form.consent()).isEqualTo(new Consent(true, true));
        assertThat(describeRegions(form.pain())).isEqualTo(expected.regions());
        assertThat(form.pain().mainRegion()).isEqualTo(id.equals("V12") ? Region.LUMBAR : null);
        assertThat(form.pain().nrs()).isEqualTo(expected.nrs());
        assertThat(form.pain().peg()).isEqualTo(expected.peg());
        // every yes/no question is answered; exactly the stated ones are YES
        assertThat(blankAnswers(form)).isEmpty();
        assertThat(yesAnswers(form)).isEqualTo(new TreeSet<>(expected.yes()));
        assertThat(triedTreatments(form.treatments())).isEqualTo(new TreeMap<>(expected.treatments()));
    }

    @Test
    void typicalBenchmarkFormPassesTheContract() {
        FormReading reading = CONTRACT.read(resource("/forms/typical.json"));

        assertThat(reading.violations()).isEmpty();
        assertThat(reading.form().pain().main().region()).isEqualTo(Region.LUMBAR);
        assertThat(blankAnswers(reading.form())).isEmpty();
    }

    static String describeRegions(Pain pain) {
        List<String> parts = new ArrayList<>();
        for (RegionPain r : pain.regions()) {
            parts.add(r.region() + " " + orDash(r.side()) + " " + r.durationMonths() + " " + orDash(r.onset()) + " "
                    + r.pattern() + " " + r.spread());
        }
        return String.join(" | ", parts);
    }

    /** Every treatment other than NOT_TRIED, described; all entries must be filled in. */
    static Map<String, String> triedTreatments(Treatments treatments) {
        Map<String, String> tried = new TreeMap<>();
        for (RecordComponent c : Treatments.class.getRecordComponents()) {
            Object value = get(c, treatments);
            assertThat(value).as(c.getName()).isNotNull();
            if (value instanceof Treatment t && t.outcome() != TreatmentOutcome.NOT_TRIED) {
                tried.put(c.getName(), t.outcome() + " " + orDash(t.weeks()));
            } else if (value instanceof PriorProcedure p && p.outcome() != TreatmentOutcome.NOT_TRIED) {
                tried.put(c.getName(), p.outcome() + " " + p.reliefPercent() + "% " + p.reliefHours() + "h "
                        + p.monthsAgo() + "mo " + p.anaesthetic());
            }
        }
        return tried;
    }

    static Set<String> yesAnswers(Object root) {
        Set<String> out = new TreeSet<>();
        walk(root, "", (path, answer) -> {
            if (answer == Answer.YES) {
                out.add(path);
            }
        });
        return out;
    }

    /** Blank yes/no questions, except those the form does not ask: the claudication pattern without low back pain, a procedure's pain-returned when it was not tried. */
    static Set<String> blankAnswers(IntakeForm form) {
        Set<String> out = new TreeSet<>();
        walk(form, "", (path, answer) -> {
            if (answer == null) {
                out.add(path);
            }
        });
        if (form.pain().regions().stream().noneMatch(r -> r.region() == Region.LUMBAR)) {
            out.remove("pain.claudicationPattern");
        }
        for (String p : new String[] {"priorMedialBranchBlock", "priorRadiofrequencyAblation"}) {
            PriorProcedure procedure = p.equals("priorMedialBranchBlock") ? form.treatments().priorMedialBranchBlock()
                    : form.treatments().priorRadiofrequencyAblation();
            if (procedure == null || procedure.outcome() == TreatmentOutcome.NOT_TRIED) {
                out.remove("treatments." + p + ".painReturned");
            }
        }
        return out;
    }

    interface AnswerVisitor {
        void visit(String path, Answer answer);
    }

    /** Visits every Answer-typed component under a record, with a dotted path. */
    static void walk(Object node, String path, AnswerVisitor visitor) {
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + i + ".", visitor);
            }
            return;
        }
        if (node == null || !node.getClass().isRecord()) {
            return;
        }
        for (RecordComponent c : node.getClass().getRecordComponents()) {
            Object value = get(c, node);
            if (c.getType() == Answer.class) {
                visitor.visit(path + c.getName(), (Answer) value);
            } else {
                walk(value, path + c.getName() + ".", visitor);
            }
        }
    }

    static Object get(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static String orDash(Object o) {
        return o == null ? "-" : o.toString();
    }
}
