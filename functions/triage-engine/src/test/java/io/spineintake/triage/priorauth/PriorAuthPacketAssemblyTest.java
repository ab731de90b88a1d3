package io.spineintake.triage.priorauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spineintake.triage.TestForms;
import io.spineintake.triage.TriageEngine;
import io.spineintake.triage.assess.Assessment;
import io.spineintake.triage.assess.CriterionStatus;
import io.spineintake.triage.assess.ReadinessCriterion;
import io.spineintake.triage.block.BlockDiary;
import io.spineintake.triage.block.BlockEpisode;
import io.spineintake.triage.block.BlockRules;
import io.spineintake.triage.block.BlockVerdict;
import io.spineintake.triage.block.DiagnosticBlock;
import io.spineintake.triage.block.DiaryEntry;
import io.spineintake.triage.block.RegionGroup;
import io.spineintake.triage.block.Session;
import io.spineintake.triage.block.SessionKind;
import io.spineintake.triage.block.SpinalLevel;
import io.spineintake.triage.block.TimePoint;
import io.spineintake.triage.form.Anaesthetic;
import io.spineintake.triage.form.FormReading;
import io.spineintake.triage.form.IntakeForm;
import io.spineintake.triage.form.Region;
import io.spineintake.triage.form.RegionPain;
import io.spineintake.triage.form.Side;
import io.spineintake.triage.priorauth.PriorAuthPacket.Missing;
import io.spineintake.triage.rules.BlockRuleFile;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The packet's assembly (issue 15): the criteria are the engine's for the region, and {@code missing}
 * lists exactly what is UNKNOWN or absent: nothing more, nothing less.
 */
class PriorAuthPacketAssemblyTest {
    static final TriageEngine ENGINE = TriageEngine.fromEnvironment(Map.of());
    static final BlockRules RULES = BlockRuleFile.bundled();
    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final Instant RECEIVED = Instant.parse("2026-11-01T15:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    static final String ID = "0b9c3f0e-5d2a-4c61-9a57-6f1e2d3c4b5a";

    static IntakeForm vignette(String name) {
        FormReading r = TestForms.CONTRACT.read(TestForms.resource("/vignettes/" + name + ".json"));
        assertThat(r.isValid()).as(name).isTrue();
        return r.form();
    }

    static Stream<String> vignettes() {
        return Stream.iterate(1, n -> n <= 18, n -> n + 1).map(n -> String.format("V%02d", n));
    }

    static PriorAuthPacket packet(IntakeForm form, Region region, List<BlockVerdict> verdicts) {
        List<Session> sessions = verdicts.stream().map(v -> Session.of(v.episode(), ZONE)).toList();
        return PacketAssembly.assemble(new PacketAssembly.Input(ID, region, form, form == null ? null : RECEIVED,
                form == null ? List.of() : ENGINE.readiness(form, region), ENGINE.ruleSetVersion(), verdicts, sessions,
                TODAY, ZONE, RULES, ProcedureCodes.NONE));
    }

    static List<String> codes(PriorAuthPacket p) {
        return p.missing().stream().map(m -> m.code() + (m.ref() == null ? "" : ":" + m.ref())).toList();
    }

    static List<String> unknowns(PriorAuthPacket p) {
        return p.criteria().stream().filter(c -> c.status() == CriterionStatus.UNKNOWN)
                .map(c -> PacketAssembly.CRITERION_UNKNOWN + ":" + c.id()).toList();
    }

    static BlockVerdict block(String id, DiagnosticBlock which, Instant ended, Map<Integer, Integer> nrsByMinute) {
        BlockEpisode e = new BlockEpisode(id, ended, Region.LUMBAR, List.of(SpinalLevel.L4_L5, SpinalLevel.L5_S1), Side.BOTH,
                Anaesthetic.BUPIVACAINE, which, 8);
        List<DiaryEntry> entries = new ArrayList<>();
        nrsByMinute.forEach((m, nrs) -> entries.add(DiaryEntry.of(TimePoint.minutes(m), nrs, ended.plus(Duration.ofMinutes(m)))));
        return BlockDiary.assess(e, entries, RULES);
    }

    static final Instant FIRST = Instant.parse("2026-11-07T15:00:00Z");
    static final Instant SECOND = Instant.parse("2026-11-21T15:00:00Z");
    /** At least 80% relief for 6 hours: positive at both standards for bupivacaine. */
    static final Map<Integer, Integer> STRONG = Map.of(15, 1, 30, 1, 60, 1, 120, 1, 180, 1, 240, 1, 360, 1, 480, 7);
    /** No relief. */
    static final Map<Integer, Integer> NONE = Map.of(15, 8, 30, 8, 60, 8, 120, 8, 240, 8, 360, 8);

    @ParameterizedTest
    @MethodSource("vignettes")
    void withoutBlocksMissingIsExactlyTheUnknownCriteriaAndTheBlock(String name) {
        IntakeForm form = vignette(name);
        for (RegionPain r : form.pain().regions()) {
            PriorAuthPacket p = packet(form, r.region(), List.of());
            List<String> expected = new ArrayList<>(unknowns(p));
            expected.add(PacketAssembly.NO_DIAGNOSTIC_BLOCK);
            assertThat(codes(p)).as("%s %s", name, r.region()).containsExactlyElementsOf(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("vignettes")
    void theMainRegionsCriteriaAreTheAssessmentsOwn(String name) {
        IntakeForm form = vignette(name);
        Assessment a = ENGINE.assess(form, RECEIVED);
        PriorAuthPacket p = packet(form, form.pain().main().region(), List.of());
        assertThat(p.criteria()).hasSize(4);
        for (int i = 0; i < 4; i++) {
            ReadinessCriterion c = a.readiness().get(i);
            assertThat(p.criteria().get(i).id()).isEqualTo(c.id());
            assertThat(p.criteria().get(i).status()).isEqualTo(c.status());
            assertThat(p.criteria().get(i).evidence()).isEqualTo(c.evidence());
            assertThat(p.criteria().get(i).answeredOn()).isEqualTo(LocalDate.of(2026, 11, 1));
        }
    }

    @Test
    void blankAnswersMakeUnknownCriteriaAndEachIsListedAsMissing() {
        ObjectNode doc = (ObjectNode) TestForms.tree(new String(TestForms.resource("/vignettes/V01.json"),
                java.nio.charset.StandardCharsets.UTF_8));
        doc = TestForms.without(doc, "/findings/radiculopathy");
        doc = TestForms.without(doc, "/findings/tumour");
        doc = TestForms.without(doc, "/pain/regions/0/durationMonths");
        FormReading r = TestForms.read(doc);
        assertThat(r.isValid()).as("%s", r.violations()).isTrue();
        PriorAuthPacket p = packet(r.form(), Region.LUMBAR, List.of(block("a", DiagnosticBlock.FIRST, FIRST, STRONG),
                block("b", DiagnosticBlock.SECOND, SECOND, STRONG)));
        assertThat(unknowns(p)).containsExactly("CRITERION_UNKNOWN:R2_THREE_MONTHS_CONSERVATIVE_CARE",
                "CRITERION_UNKNOWN:R3_NO_RADICULOPATHY_OR_CLAUDICATION", "CRITERION_UNKNOWN:R4_NO_NON_FACET_CAUSE");
        assertThat(codes(p)).containsExactlyElementsOf(unknowns(p));
        assertThat(p.painMonths()).isNull();
    }

    @Test
    void absentBlockDataIsListedExactly() {
        IntakeForm form = vignette("V01");
        PriorAuthPacket none = packet(form, Region.LUMBAR, List.of());
        assertThat(unknowns(none)).as("V01 settles every criterion").isEmpty();
        assertThat(codes(none)).containsExactly("NO_DIAGNOSTIC_BLOCK");

        assertThat(codes(packet(form, Region.LUMBAR, List.of(block("a", DiagnosticBlock.FIRST, FIRST, Map.of())))))
                .containsExactly("NO_DIARY_ENTRIES:a", "NO_SECOND_BLOCK");
        assertThat(codes(packet(form, Region.LUMBAR, List.of(block("a", DiagnosticBlock.FIRST, FIRST, STRONG)))))
                .containsExactly("NO_SECOND_POSITIVE_BLOCK");
        assertThat(codes(packet(form, Region.LUMBAR, List.of(block("a", DiagnosticBlock.FIRST, FIRST, NONE)))))
                .containsExactly("NO_SECOND_BLOCK");
        assertThat(codes(packet(form, Region.LUMBAR, List.of(block("a", DiagnosticBlock.FIRST, FIRST, STRONG),
                block("b", DiagnosticBlock.SECOND, SECOND, Map.of()))))).containsExactly("NO_DIARY_ENTRIES:b",
                "NO_SECOND_POSITIVE_BLOCK");
        assertThat(codes(packet(form, Region.LUMBAR, List.of(block("a", DiagnosticBlock.FIRST, FIRST, STRONG),
                block("b", DiagnosticBlock.SECOND, SECOND, NONE))))).containsExactly("NO_SECOND_POSITIVE_BLOCK");
        PriorAuthPacket two = packet(form, Region.LUMBAR, List.of(block("b", DiagnosticBlock.SECOND, SECOND, STRONG),
                block("a", DiagnosticBlock.FIRST, FIRST, STRONG)));
        assertThat(two.missing()).as("two positive blocks and every criterion settled: ready").isEmpty();
        assertThat(two.blocks()).extracting(PriorAuthPacket.Block::episodeId).containsExactly("a", "b");
        // blocks of another region are not this region's evidence
        assertThat(codes(packet(form, Region.CERVICAL, List.of(block("a", DiagnosticBlock.FIRST, FIRST, STRONG)))))
                .endsWith("NO_DIAGNOSTIC_BLOCK");
    }

    @Test
    void withoutAFormEveryCriterionIsUnknownAndTheFormIsMissing() {
        PriorAuthPacket p = packet(null, Region.LUMBAR, List.of());
        assertThat(p.criteria()).hasSize(4).allMatch(c -> c.status() == CriterionStatus.UNKNOWN && c.evidence().isEmpty());
        assertThat(codes(p)).containsExactly("NO_INTAKE_FORM", "CRITERION_UNKNOWN:R1_MODERATE_SEVERE_AXIAL_PAIN",
                "CRITERION_UNKNOWN:R2_THREE_MONTHS_CONSERVATIVE_CARE", "CRITERION_UNKNOWN:R3_NO_RADICULOPATHY_OR_CLAUDICATION",
                "CRITERION_UNKNOWN:R4_NO_NON_FACET_CAUSE", "NO_DIAGNOSTIC_BLOCK");
        assertThat(p.scores()).isNull();
        assertThat(p.conservativeCare()).isEmpty();
    }

    @Test
    void blocksCarryTheirFactsScoresAndBothVerdicts() {
        PriorAuthPacket p = packet(vignette("V01"), Region.LUMBAR, List.of(block("a", DiagnosticBlock.FIRST, FIRST, STRONG)));
        PriorAuthPacket.Block b = p.blocks().get(0);
        assertThat(b.date()).isEqualTo(LocalDate.of(2026, 11, 7));
        assertThat(b.levels()).containsExactly("L4-L5", "L5-S1");
        assertThat(b.side()).isEqualTo(Side.BOTH);
        assertThat(b.anaesthetic()).isEqualTo(Anaesthetic.BUPIVACAINE);
        assertThat(b.baselineNrs()).isEqualTo(8);
        assertThat(b.postBlock()).hasSize(8);
        assertThat(b.postBlock().get(0).relief()).isEqualTo("88% relief");
        assertThat(b.verdicts()).extracting(v -> v.standard().name() + " " + v.thresholdPercent() + " " + v.result())
                .containsExactly("MEDICARE_LCD 80 POSITIVE", "COHEN_2020 50 POSITIVE");
        assertThat(p.frequency().group()).isEqualTo(RegionGroup.LUMBAR_SACRAL);
        assertThat(p.frequency().from()).isEqualTo(LocalDate.of(2025, 11, 28));
        assertThat(p.frequency().counts()).filteredOn(c -> c.kind() == SessionKind.DIAGNOSTIC).singleElement()
                .satisfies(c -> assertThat(c.sessions()).isEqualTo(1));
        assertThat(p.codes()).as("no codes unless the clinic configures them").isEmpty();
    }

    @Test
    void theConservativeCareAndScoresAreTheFormsAnswers() {
        IntakeForm form = vignette("V01");
        PriorAuthPacket p = packet(form, Region.LUMBAR, List.of());
        assertThat(p.conservativeCare()).extracting(PriorAuthPacket.CareTried::question).startsWith(
                "/treatments/physicalTherapy", "/treatments/homeExercise", "/treatments/analgesics");
        assertThat(p.conservativeCare().get(0).outcome()).isEqualTo(form.treatments().physicalTherapy() == null ? null
                : form.treatments().physicalTherapy().outcome());
        assertThat(p.scores().nrsAverage()).isEqualTo(form.pain().nrs().average());
        assertThat(p.scores().pegEnjoyment()).isEqualTo(form.pain().peg().enjoymentOfLife());
        assertThat(p.painMonths()).isEqualTo(form.pain().main().durationMonths());
    }

    @Test
    void codesAreNumbersTheClinicConfiguresPerRegion() {
        ProcedureCodes codes = ProcedureCodes.parse("LUMBAR=64493 64494; CERVICAL=64490,0213T");
        assertThat(codes.of(Region.LUMBAR)).containsExactly("64493", "64494");
        assertThat(codes.of(Region.CERVICAL)).containsExactly("64490", "0213T");
        assertThat(codes.of(Region.THORACIC)).isEmpty();
        assertThat(ProcedureCodes.parse(null).byRegion()).isEmpty();
        assertThat(ProcedureCodes.parse("  ").byRegion()).isEmpty();
        assertThatThrownBy(() -> ProcedureCodes.parse("LUMBAR=Injection, paravertebral facet joint"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("paravertebral");
        assertThatThrownBy(() -> ProcedureCodes.parse("SACRAL=64493")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcedureCodes.parse("LUMBAR=64493;LUMBAR=64494")).isInstanceOf(IllegalArgumentException.class);
        PriorAuthPacket p = PacketAssembly.assemble(new PacketAssembly.Input(ID, Region.LUMBAR, null, null, List.of(),
                null, List.of(), List.of(), TODAY, ZONE, RULES, codes));
        assertThat(p.codes()).containsExactly("64493", "64494");
    }

    @Test
    void aRegionTheFormDoesNotListHasItsOwnCriteria() {
        IntakeForm form = vignette("V01");
        assertThat(form.pain().regions()).noneMatch(r -> r.region() == Region.THORACIC);
        PriorAuthPacket p = packet(form, Region.THORACIC, List.of());
        assertThat(p.painMonths()).isNull();
        assertThat(p.criteria().get(1).status()).isEqualTo(CriterionStatus.UNKNOWN);
        assertThat(codes(p)).containsExactlyElementsOf(Stream.concat(unknowns(p).stream(),
                Stream.of("NO_DIAGNOSTIC_BLOCK")).toList());
    }
}
