package io.spineintake.triage.block;

import static io.spineintake.triage.block.Diaries.RULES;
import static io.spineintake.triage.block.Diaries.entries;
import static io.spineintake.triage.block.Diaries.episode;
import static io.spineintake.triage.block.Diaries.reliefBetween;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spineintake.triage.form.Anaesthetic;
import io.spineintake.triage.form.Region;
import io.spineintake.triage.form.Side;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The reference diaries of issue 17 and the rules of spec section 7, one at a time. */
class ReferenceDiariesTest {
    static final ReliefStandard LCD = ReliefStandard.MEDICARE_LCD;
    static final ReliefStandard COHEN = ReliefStandard.COHEN_2020;

    static BlockVerdict bupivacaine90From30MinTo4h(String id, DiagnosticBlock which, Instant ended) {
        BlockEpisode e = episode(id, Anaesthetic.BUPIVACAINE, Region.LUMBAR, which, 10, ended);
        // 90% relief (NRS 1 of 10) from 30 min to 4 h; 40% at 15 min; back to 8/10 afterwards
        Map<Integer, Integer> nrs = reliefBetween(30, 240, 1, 8, RULES);
        nrs.put(15, 6);
        return BlockDiary.assess(e, entries(e, nrs), RULES);
    }

    @Test
    void aBupivacaineBlockWith90PercentReliefFrom30MinutesTo4HoursIsPositiveAt80() {
        BlockVerdict v = bupivacaine90From30MinTo4h("b1", DiagnosticBlock.FIRST, Diaries.ENDED);

        assertThat(v.peakPercent()).isEqualTo(90.0);
        assertThat(v.peak().point()).isEqualTo(TimePoint.minutes(30));
        ThresholdVerdict at80 = v.verdict(LCD);
        assertThat(at80.thresholdPercent()).isEqualTo(80);
        assertThat(at80.longestRun().from()).isEqualTo(TimePoint.minutes(30));
        assertThat(at80.longestRun().to()).isEqualTo(TimePoint.minutes(240));
        assertThat(at80.duration()).isEqualTo(Duration.ofMinutes(210));
        assertThat(at80.minimumDuration()).isEqualTo(Duration.ofHours(2));
        assertThat(at80.result()).isEqualTo(BlockResult.POSITIVE);
        assertThat(at80.explanation()).contains("POSITIVE", "from 30 min to 4 h", "3 h 30 min", "bupivacaine", "2 h");
        // at 50% the 15-minute point (40%) still does not count, so the same run decides
        assertThat(v.verdict(COHEN).duration()).isEqualTo(Duration.ofMinutes(210));
        assertThat(v.positiveAt(COHEN)).isTrue();
    }

    @Test
    void aLidocaineBlockWith85PercentReliefFor30MinutesOnlyIsNegativeAt80AndAt50() {
        BlockEpisode e = episode("l1", Anaesthetic.LIDOCAINE, 8);
        // baseline 8; NRS 1 at 15 and 30 min is 87.5%, then 7 (12.5%) and the baseline again
        Map<Integer, Integer> nrs = reliefBetween(15, 30, 1, 8, RULES);
        nrs.put(60, 7);
        BlockVerdict v = BlockDiary.assess(e, entries(e, nrs), RULES);

        assertThat(v.peak().relief().percent()).isGreaterThanOrEqualTo(85.0);
        for (ReliefStandard s : ReliefStandard.values()) {
            assertThat(v.verdict(s).duration()).as(s.name()).isEqualTo(Duration.ofMinutes(15));
            assertThat(v.verdict(s).minimumDuration()).isEqualTo(Duration.ofHours(1));
            assertThat(v.verdict(s).result()).as(s.name()).isEqualTo(BlockResult.NEGATIVE);
        }
    }

    @Test
    void reliefAtTheThirtyMinutePointAloneLastsNothing() {
        BlockEpisode e = episode("l2", Anaesthetic.LIDOCAINE, 10);
        Map<Integer, Integer> nrs = new TreeMap<>(Map.of(15, 6, 30, 1, 60, 7, 90, 9));
        BlockVerdict v = BlockDiary.assess(e, entries(e, nrs), RULES);
        assertThat(v.verdict(LCD).longestRun()).isEqualTo(
                new ReliefRun(TimePoint.minutes(30), TimePoint.minutes(30), List.of()));
        assertThat(v.verdict(LCD).duration()).isZero();
        assertThat(v.verdict(LCD).result()).isEqualTo(BlockResult.NEGATIVE);
    }

    @Test
    void twoPositiveLumbarBlocksMakeAnRfaCandidate() {
        BlockVerdict first = bupivacaine90From30MinTo4h("b1", DiagnosticBlock.FIRST, Diaries.ENDED);
        BlockEpisode e2 = episode("l2", Anaesthetic.LIDOCAINE, Region.LUMBAR, DiagnosticBlock.SECOND, 6,
                Diaries.ENDED.plus(Duration.ofDays(14)));
        // lidocaine, 100% from 15 min to 90 min (75 min >= 1 h)
        BlockVerdict second = BlockDiary.assess(e2, entries(e2, reliefBetween(15, 90, 0, 6, RULES)), RULES);
        assertThat(second.positiveAt(LCD)).isTrue();

        RfaCandidacy rfa = BlockDiary.rfaCandidacy(List.of(second, first), Region.LUMBAR, RULES);
        assertThat(rfa.standard()).isEqualTo(RULES.clinicStandard());
        assertThat(rfa.candidate()).isTrue();
        assertThat(rfa.evidence()).extracting(v -> v.episode().episodeId()).containsExactly("b1", "l2");
        assertThat(rfa.sameLevelsAndSide()).isTrue();
        assertThat(rfa.reason()).contains("2 positive diagnostic blocks", "LUMBAR", "b1", "l2", "POSITIVE");

        // not in another region, and not with one of the two blocks negative
        assertThat(BlockDiary.rfaCandidacy(List.of(first, second), Region.CERVICAL, RULES).candidate()).isFalse();
        BlockVerdict negativeSecond = BlockDiary.assess(e2, entries(e2, reliefBetween(15, 30, 0, 6, RULES)), RULES);
        RfaCandidacy one = BlockDiary.rfaCandidacy(List.of(first, negativeSecond), Region.LUMBAR, RULES);
        assertThat(one.candidate()).isFalse();
        assertThat(one.evidence()).extracting(v -> v.episode().episodeId()).containsExactly("b1");
        assertThat(one.considered()).hasSize(2);
        assertThat(one.reason()).contains("1 positive diagnostic block of 2", "two are needed");
    }

    @Test
    void rfaCandidacyFollowsTheThresholdThatCounts() {
        BlockEpisode a = episode("a", Anaesthetic.BUPIVACAINE, Region.LUMBAR, DiagnosticBlock.FIRST, 10, Diaries.ENDED);
        BlockEpisode b = episode("b", Anaesthetic.BUPIVACAINE, Region.LUMBAR, DiagnosticBlock.SECOND, 10,
                Diaries.ENDED.plus(Duration.ofDays(21)));
        // 60% relief for 6 hours: positive at 50%, negative at 80%
        BlockVerdict va = BlockDiary.assess(a, entries(a, reliefBetween(15, 360, 4, 10, RULES)), RULES);
        BlockVerdict vb = BlockDiary.assess(b, entries(b, reliefBetween(15, 360, 4, 10, RULES)), RULES);
        assertThat(BlockDiary.rfaCandidacy(List.of(va, vb), Region.LUMBAR, COHEN).candidate()).isTrue();
        assertThat(BlockDiary.rfaCandidacy(List.of(va, vb), Region.LUMBAR, LCD).candidate()).isFalse();
    }

    @Test
    void concordanceIsReportedWhenBupivacaineLastsLongerThanLidocaine() {
        BlockVerdict bupi = bupivacaine90From30MinTo4h("b1", DiagnosticBlock.FIRST, Diaries.ENDED);
        BlockEpisode l = episode("l2", Anaesthetic.LIDOCAINE, Region.LUMBAR, DiagnosticBlock.SECOND, 10,
                Diaries.ENDED.plus(Duration.ofDays(14)));
        BlockVerdict lido = BlockDiary.assess(l, entries(l, reliefBetween(15, 90, 1, 9, RULES)), RULES);
        Concordance c = BlockDiary.concordance(lido, bupi, LCD);
        assertThat(c.result()).isEqualTo(ConcordanceResult.CONCORDANT);
        assertThat(c.firstDuration()).isEqualTo(Duration.ofMinutes(75));
        assertThat(c.secondDuration()).isEqualTo(Duration.ofMinutes(210));

        BlockVerdict longLido = BlockDiary.assess(l, entries(l, reliefBetween(15, 360, 1, 9, RULES)), RULES);
        assertThat(BlockDiary.concordance(bupi, longLido, LCD).result()).isEqualTo(ConcordanceResult.DISCORDANT);
        assertThat(BlockDiary.concordance(bupi, bupi, LCD).result()).isEqualTo(ConcordanceResult.NOT_APPLICABLE);
    }

    @Test
    void aMissedPointStaysMissingAndTheRunSpansItButNeverEndsOnIt() {
        BlockEpisode e = episode("m", Anaesthetic.LIDOCAINE, 10);
        // 90% at 15, 30, (60 missed), 90; 120 missed, then the baseline at 150
        Map<Integer, Integer> nrs = new TreeMap<>(Map.of(15, 1, 30, 1, 90, 1, 150, 10));
        BlockVerdict v = BlockDiary.assess(e, entries(e, nrs), RULES);

        assertThat(v.missingPoints()).contains(TimePoint.minutes(60), TimePoint.minutes(120))
                .doesNotContain(TimePoint.minutes(15), TimePoint.minutes(150));
        assertThat(v.points()).filteredOn(PointRelief::missing).allSatisfy(p -> assertThat(p.relief()).isNull());
        ReliefRun run = v.verdict(LCD).longestRun();
        assertThat(run.from()).isEqualTo(TimePoint.minutes(15));
        assertThat(run.to()).isEqualTo(TimePoint.minutes(90)); // not 120: nothing is assumed after the last recorded point
        assertThat(run.missingWithin()).containsExactly(TimePoint.minutes(60));
        assertThat(v.verdict(LCD).result()).isEqualTo(BlockResult.POSITIVE); // 75 min >= 1 h
    }

    @Test
    void aDipBelowTheThresholdEndsARunAndTheLongestRunCounts() {
        BlockEpisode e = episode("d", Anaesthetic.BUPIVACAINE, 10);
        // 90% at 15, 30; 30% at 60; 90% from 90 to 270
        Map<Integer, Integer> nrs = reliefBetween(90, 270, 1, 9, RULES);
        nrs.put(15, 1);
        nrs.put(30, 1);
        nrs.put(60, 7);
        BlockVerdict v = BlockDiary.assess(e, entries(e, nrs), RULES);
        assertThat(v.verdict(LCD).longestRun().from()).isEqualTo(TimePoint.minutes(90));
        assertThat(v.verdict(LCD).duration()).isEqualTo(Duration.ofMinutes(180));
    }

    @Test
    void painWorseThanTheBaselineIsShownAsWorseNotAsNoRelief() {
        BlockEpisode e = episode("w", Anaesthetic.LIDOCAINE, 5);
        BlockVerdict v = BlockDiary.assess(e, entries(e, Map.of(15, 7, 30, 5)), RULES);
        Relief at15 = v.points().get(0).relief();
        assertThat(at15.percent()).isEqualTo(-40.0);
        assertThat(at15.direction()).isEqualTo(ReliefDirection.WORSE);
        assertThat(at15.describe()).isEqualTo("40% worse");
        assertThat(v.points().get(1).relief().describe()).isEqualTo("no change");
        assertThat(v.peak().point()).isEqualTo(TimePoint.minutes(30));
        assertThat(v.verdict(COHEN).longestRun()).isNull();
        assertThat(v.verdict(COHEN).result()).isEqualTo(BlockResult.NEGATIVE);
    }

    @Test
    void aDiaryWithoutEntriesHasNoVerdictYet() {
        BlockVerdict v = BlockDiary.assess(episode("n", Anaesthetic.LIDOCAINE, 6), List.of(), RULES);
        assertThat(v.peak()).isNull();
        assertThat(v.missingPoints()).hasSize(RULES.timePoints().size());
        assertThat(v.verdicts()).allSatisfy(t -> assertThat(t.result()).isEqualTo(BlockResult.NO_ENTRIES));
        assertThat(v.rulesVersion()).isEqualTo(RULES.version());
    }

    @Test
    void entriesOffTheScheduleTwiceForAPointOrBeforeTheBlockAreRefused() {
        BlockEpisode e = episode("r", Anaesthetic.LIDOCAINE, 6);
        assertThatThrownBy(() -> BlockDiary.assess(e, entries(e, Map.of(45, 2)), RULES))
                .hasMessageContaining("45 min is not a time point");
        TimePoint p = TimePoint.minutes(30);
        DiaryEntry one = DiaryEntry.of(p, 2, e.timeOf(p));
        assertThatThrownBy(() -> BlockDiary.assess(e, List.of(one, one), RULES)).hasMessageContaining("two entries");
        DiaryEntry early = DiaryEntry.of(p, 2, Diaries.ENDED.minusSeconds(60));
        assertThatThrownBy(() -> BlockDiary.assess(e, List.of(early), RULES)).hasMessageContaining("before the block ended");
        assertThatThrownBy(() -> DiaryEntry.of(p, 11, e.timeOf(p))).hasMessageContaining("0 to 10");
        assertThatThrownBy(() -> DiaryEntry.of(p, -1, e.timeOf(p))).hasMessageContaining("0 to 10");
    }

    @Test
    void aLateEntryCountsAndSaysSo() {
        BlockEpisode e = episode("late", Anaesthetic.LIDOCAINE, 6);
        TimePoint p = TimePoint.minutes(60);
        DiaryEntry late = new DiaryEntry(p, 1, e.timeOf(p).plus(Duration.ofHours(3)), true,
                List.of(new MovementNote(Movement.BENDING_BACKWARD, true, MovementChange.EASIER),
                        new MovementNote(Movement.TWISTING, false, null)));
        BlockVerdict v = BlockDiary.assess(e, List.of(late), RULES);
        PointRelief at60 = v.points().stream().filter(x -> x.point().equals(p)).findFirst().orElseThrow();
        assertThat(at60.late()).isTrue();
        assertThat(at60.entry().movements()).hasSize(2);
        assertThat(v.peak()).isEqualTo(at60);
    }

    @Test
    void theEpisodeIsRecordedAsTheSpecSaysOrRefused() {
        Instant t = Diaries.ENDED;
        assertThatThrownBy(() -> new BlockEpisode("x", t, Region.LUMBAR, List.of(SpinalLevel.L4_L5), Side.LEFT,
                Anaesthetic.LIDOCAINE, DiagnosticBlock.FIRST, 0)).hasMessageContaining("baseline NRS of 0 is refused");
        assertThatThrownBy(() -> new BlockEpisode("x", t, Region.LUMBAR,
                List.of(SpinalLevel.L3_L4, SpinalLevel.L4_L5, SpinalLevel.L5_S1), Side.LEFT, Anaesthetic.LIDOCAINE,
                DiagnosticBlock.FIRST, 6)).hasMessageContaining("1 or 2 levels");
        assertThatThrownBy(() -> new BlockEpisode("x", t, Region.CERVICAL, List.of(SpinalLevel.L4_L5), Side.LEFT,
                Anaesthetic.LIDOCAINE, DiagnosticBlock.FIRST, 6)).hasMessageContaining("L4-L5 is not in the CERVICAL");
        assertThatThrownBy(() -> new BlockEpisode("x", t, Region.LUMBAR, List.of(SpinalLevel.L4_L5), Side.LEFT,
                Anaesthetic.UNKNOWN, DiagnosticBlock.FIRST, 6)).hasMessageContaining("LIDOCAINE or BUPIVACAINE");
        assertThatThrownBy(() -> new BlockEpisode("x", t, Region.LUMBAR, List.of(SpinalLevel.L4_L5), Side.CENTRAL,
                Anaesthetic.LIDOCAINE, DiagnosticBlock.FIRST, 6)).hasMessageContaining("not CENTRAL");
        assertThatThrownBy(() -> new BlockEpisode("x", t, Region.LUMBAR, List.of(SpinalLevel.L4_L5, SpinalLevel.L4_L5),
                Side.LEFT, Anaesthetic.LIDOCAINE, DiagnosticBlock.FIRST, 6)).hasMessageContaining("named twice");
        assertThat(SpinalLevel.T12_L1.regions()).containsExactlyInAnyOrder(Region.THORACIC, Region.LUMBAR);
        assertThat(SpinalLevel.L5_S1.regions()).containsExactly(Region.LUMBAR);
        assertThat(SpinalLevel.C7_T1.label()).isEqualTo("C7-T1");
    }
}
