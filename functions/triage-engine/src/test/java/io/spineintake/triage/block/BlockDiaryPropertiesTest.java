package io.spineintake.triage.block;

import static io.spineintake.triage.block.Diaries.RULES;
import static io.spineintake.triage.block.Diaries.entries;
import static io.spineintake.triage.block.Diaries.episode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spineintake.triage.form.Anaesthetic;
import io.spineintake.triage.form.Region;
import io.spineintake.triage.form.Side;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The computation's properties over generated diaries (missed points included). */
class BlockDiaryPropertiesTest {

    /** One NRS per time point of the bundled diary, null for a missed point. */
    @Provide
    Arbitrary<List<Integer>> diaries() {
        return Arbitraries.integers().between(0, 10).injectNull(0.25).list().ofSize(RULES.timePoints().size());
    }

    @Provide
    Arbitrary<Anaesthetic> anaesthetics() {
        return Arbitraries.of(Anaesthetic.LIDOCAINE, Anaesthetic.BUPIVACAINE);
    }

    static BlockVerdict assess(Anaesthetic a, int baseline, List<Integer> nrs, BlockRules rules) {
        BlockEpisode e = episode("p", a, baseline);
        return BlockDiary.assess(e, entries(e, nrs, rules), rules);
    }

    @Property
    void loweringAnyPostBlockNrsNeverLowersPeakReliefOrADuration(@ForAll("anaesthetics") Anaesthetic a,
            @ForAll @IntRange(min = 1, max = 10) int baseline, @ForAll("diaries") List<Integer> nrs,
            @ForAll @IntRange(min = 0, max = 15) int index, @ForAll @IntRange(min = 1, max = 10) int by) {
        Assume.that(nrs.get(index) != null && nrs.get(index) > 0);
        List<Integer> lowered = new ArrayList<>(nrs);
        lowered.set(index, Math.max(0, nrs.get(index) - by));

        BlockVerdict before = assess(a, baseline, nrs, RULES);
        BlockVerdict after = assess(a, baseline, lowered, RULES);

        assertThat(after.peak().relief().compareTo(before.peak().relief())).isGreaterThanOrEqualTo(0);
        assertThat(after.peakPercent()).isGreaterThanOrEqualTo(before.peakPercent());
        for (ReliefStandard s : ReliefStandard.values()) {
            assertThat(after.verdict(s).duration()).as(s.name()).isGreaterThanOrEqualTo(before.verdict(s).duration());
            if (before.positiveAt(s)) {
                assertThat(after.positiveAt(s)).as(s.name()).isTrue();
            }
        }
    }

    @Property
    void reliefIsWithin0To100WhenNrsIsAtMostTheBaselineAndNegativeReliefIsShownAsWorse(
            @ForAll @IntRange(min = 1, max = 10) int baseline, @ForAll @IntRange(min = 0, max = 10) int nrs) {
        Relief r = new Relief(baseline, nrs);
        assertThat(r.percent()).isEqualTo(100.0 * (baseline - nrs) / baseline);
        if (nrs <= baseline) {
            assertThat(r.percent()).isBetween(0.0, 100.0);
            assertThat(r.direction()).isNotEqualTo(ReliefDirection.WORSE);
            assertThat(r.describe()).doesNotContain("worse");
        } else {
            assertThat(r.percent()).isNegative();
            assertThat(r.direction()).isEqualTo(ReliefDirection.WORSE);
            assertThat(r.describe()).endsWith("% worse");
        }
    }

    @Property
    void everyRecordedPointKeepsItsOwnReliefUnclampedAndMissedPointsStayMissing(@ForAll("anaesthetics") Anaesthetic a,
            @ForAll @IntRange(min = 1, max = 10) int baseline, @ForAll("diaries") List<Integer> nrs) {
        BlockVerdict v = assess(a, baseline, nrs, RULES);
        for (int i = 0; i < nrs.size(); i++) {
            PointRelief p = v.points().get(i);
            assertThat(p.point()).isEqualTo(RULES.timePoints().get(i));
            if (nrs.get(i) == null) {
                assertThat(p.missing()).isTrue();
                assertThat(p.relief()).isNull();
            } else {
                assertThat(p.relief().percent()).isEqualTo(100.0 * (baseline - nrs.get(i)) / baseline);
            }
        }
        for (ThresholdVerdict t : v.verdicts()) {
            ReliefRun run = t.longestRun();
            if (run != null) {
                // a run starts and ends on recorded points at or above the threshold, never on a missed one
                assertThat(List.of(run.from(), run.to())).allSatisfy(end -> {
                    PointRelief p = v.points().get(RULES.timePoints().indexOf(end));
                    assertThat(p.missing()).isFalse();
                    assertThat(p.relief().atLeast(t.thresholdPercent())).isTrue();
                });
                assertThat(run.missingWithin()).allSatisfy(m -> assertThat(v.missingPoints()).contains(m));
            }
        }
    }

    @Property
    void aVerdictFlipsExactlyAtTheThreshold(@ForAll("anaesthetics") Anaesthetic a,
            @ForAll @IntRange(min = 1, max = 10) int baseline, @ForAll @IntRange(min = 0, max = 10) int nrs,
            @ForAll("standards") ReliefStandard standard) {
        Assume.that(nrs < baseline);
        // the same NRS at every point: relief lasts 15 min to 24 h, longer than any anaesthetic's minimum
        List<Integer> all = new ArrayList<>();
        RULES.timePoints().forEach(p -> all.add(nrs));
        int exactFloor = (int) Math.floor(100.0 * (baseline - nrs) / baseline + 1e-9);
        Assume.that(exactFloor >= 1);

        BlockVerdict at = assess(a, baseline, all, RULES.withThreshold(standard, exactFloor));
        assertThat(at.verdict(standard).result()).isEqualTo(BlockResult.POSITIVE);
        if (exactFloor < 100) {
            BlockVerdict above = assess(a, baseline, all, RULES.withThreshold(standard, exactFloor + 1));
            assertThat(above.verdict(standard).result()).isEqualTo(BlockResult.NEGATIVE);
        }
    }

    @Property
    void aVerdictFlipsExactlyAtTheMinimumDuration(@ForAll("anaesthetics") Anaesthetic a,
            @ForAll @IntRange(min = 0, max = 15) int first, @ForAll @IntRange(min = 0, max = 15) int last,
            @ForAll("standards") ReliefStandard standard) {
        Assume.that(first <= last);
        int from = RULES.timePoints().get(first).minutesAfter();
        int to = RULES.timePoints().get(last).minutesAfter();
        List<Integer> nrs = new ArrayList<>();
        for (TimePoint p : RULES.timePoints()) {
            nrs.add(p.minutesAfter() >= from && p.minutesAfter() <= to ? 0 : 10);
        }
        int lasted = to - from;
        if (lasted > 0) {
            BlockVerdict atMinimum = assess(a, 10, nrs, RULES.withMinimum(a, Duration.ofMinutes(lasted)));
            assertThat(atMinimum.verdict(standard).result()).isEqualTo(BlockResult.POSITIVE);
        }
        BlockVerdict aMinuteShort = assess(a, 10, nrs, RULES.withMinimum(a, Duration.ofMinutes(lasted + 1)));
        assertThat(aMinuteShort.verdict(standard).duration()).isEqualTo(Duration.ofMinutes(lasted));
        assertThat(aMinuteShort.verdict(standard).result()).isEqualTo(BlockResult.NEGATIVE);
    }

    @Provide
    Arbitrary<ReliefStandard> standards() {
        return Arbitraries.of(ReliefStandard.class);
    }

    @Property
    void aBaselineOf0IsRefused(@ForAll @IntRange(min = 0, max = 10) int nrs, @ForAll("anaesthetics") Anaesthetic a) {
        assertThatThrownBy(() -> new Relief(0, nrs)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseline NRS of 0 is refused");
        assertThatThrownBy(() -> new BlockEpisode("z", Diaries.ENDED, Region.LUMBAR, List.of(SpinalLevel.L4_L5),
                Side.RIGHT, a, DiagnosticBlock.FIRST, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseline NRS of 0 is refused");
    }

    @Property
    void aBaselineOutside0To10IsRefused(@ForAll int baseline) {
        Assume.that(baseline < 0 || baseline > 10);
        assertThatThrownBy(() -> new Relief(baseline, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
