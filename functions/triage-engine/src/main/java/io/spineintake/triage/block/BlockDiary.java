package io.spineintake.triage.block;

import io.spineintake.triage.form.Anaesthetic;
import io.spineintake.triage.form.Region;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The diary's computation (spec section 7), pure.
 *
 * <ul>
 * <li>Relief at a recorded point = (baseline - NRS) / baseline x 100 ({@link Relief}); negative
 *     means worse and is kept as it is.</li>
 * <li>Peak: the recorded point with the highest relief (the earliest on a tie); none when nothing
 *     was recorded.</li>
 * <li>Duration at a threshold: over the recorded points in time order (missed points are skipped,
 *     never given a relief), a run is a stretch of consecutive recorded points each at or above
 *     the threshold; it lasts from its first point to its last. Relief is never assumed before the
 *     first point of the run or after its last, so a run of one point lasts 0. The duration is that
 *     of the longest run (the earliest on a tie), so a later dip cannot hide a longer relief.</li>
 * <li>Verdict at a threshold: POSITIVE when that duration is at least the anaesthetic's expected
 *     minimum; NO_ENTRIES when the diary has no entry; otherwise NEGATIVE.</li>
 * </ul>
 */
public final class BlockDiary {
    private BlockDiary() {
    }

    /**
     * The verdict of one block from its diary entries. Refused: an entry at a time that is not a
     * point of the diary, two entries for one point, an entry received before the block ended.
     */
    public static BlockVerdict assess(BlockEpisode episode, List<DiaryEntry> entries, BlockRules rules) {
        Map<TimePoint, DiaryEntry> byPoint = new HashMap<>();
        for (DiaryEntry e : entries) {
            if (!rules.isTimePoint(e.point())) {
                throw new IllegalArgumentException("an entry at " + e.point() + " is not a time point of the diary");
            }
            if (byPoint.putIfAbsent(e.point(), e) != null) {
                throw new IllegalArgumentException("two entries for the " + e.point() + " point");
            }
            if (e.receivedAt().isBefore(episode.injectionEnded())) {
                throw new IllegalArgumentException("the entry for " + e.point() + " arrived before the block ended");
            }
        }
        List<PointRelief> points = new ArrayList<>();
        PointRelief peak = null;
        for (TimePoint tp : rules.timePoints()) {
            DiaryEntry e = byPoint.get(tp);
            PointRelief p = e == null ? new PointRelief(tp, null, null)
                    : new PointRelief(tp, e, new Relief(episode.baselineNrs(), e.nrs()));
            points.add(p);
            if (!p.missing() && (peak == null || p.relief().compareTo(peak.relief()) > 0)) {
                peak = p;
            }
        }
        List<ThresholdVerdict> verdicts = new ArrayList<>();
        for (ReliefStandard standard : ReliefStandard.values()) {
            int percent = rules.percent(standard);
            Duration minimum = rules.minimumDuration(episode.anaesthetic());
            ReliefRun run = longestRun(points, percent);
            BlockResult result = byPoint.isEmpty() ? BlockResult.NO_ENTRIES
                    : run != null && run.duration().compareTo(minimum) >= 0 ? BlockResult.POSITIVE : BlockResult.NEGATIVE;
            verdicts.add(new ThresholdVerdict(standard, percent, episode.anaesthetic(), minimum, run, result));
        }
        return new BlockVerdict(episode, rules.version(), points, peak, verdicts);
    }

    /** The longest run of recorded points at or above the threshold, or null when no point reached it. */
    static ReliefRun longestRun(List<PointRelief> points, int thresholdPercent) {
        ReliefRun best = null;
        TimePoint from = null;
        TimePoint to = null;
        List<TimePoint> missing = new ArrayList<>();
        List<TimePoint> pendingMissing = new ArrayList<>();
        for (PointRelief p : points) {
            if (p.missing()) {
                if (from != null) {
                    pendingMissing.add(p.point());
                }
                continue;
            }
            if (p.relief().atLeast(thresholdPercent)) {
                if (from == null) {
                    from = p.point();
                } else {
                    missing.addAll(pendingMissing);
                }
                to = p.point();
            } else {
                best = longer(best, from, to, missing);
                from = null;
                to = null;
                missing = new ArrayList<>();
            }
            pendingMissing.clear();
        }
        return longer(best, from, to, missing);
    }

    private static ReliefRun longer(ReliefRun best, TimePoint from, TimePoint to, List<TimePoint> missing) {
        if (from == null) {
            return best;
        }
        ReliefRun run = new ReliefRun(from, to, missing);
        return best == null || run.duration().compareTo(best.duration()) > 0 ? run : best;
    }

    /**
     * Concordance of two diagnostic blocks at a threshold: with different anaesthetics, CONCORDANT
     * when the bupivacaine block's relief lasted longer than the lidocaine block's. Reported, never
     * decisive (contested).
     */
    public static Concordance concordance(BlockVerdict a, BlockVerdict b, ReliefStandard standard) {
        ThresholdVerdict va = a.verdict(standard);
        ThresholdVerdict vb = b.verdict(standard);
        if (a.episode().region() != b.episode().region()) {
            return new Concordance(standard, ConcordanceResult.NOT_APPLICABLE, va.duration(), vb.duration(),
                    "the blocks are in different regions");
        }
        if (a.episode().anaesthetic() == b.episode().anaesthetic()) {
            return new Concordance(standard, ConcordanceResult.NOT_APPLICABLE, va.duration(), vb.duration(),
                    "both blocks used " + a.episode().anaesthetic().name().toLowerCase());
        }
        if (va.result() == BlockResult.NO_ENTRIES || vb.result() == BlockResult.NO_ENTRIES) {
            return new Concordance(standard, ConcordanceResult.NOT_APPLICABLE, va.duration(), vb.duration(),
                    "a block has no diary entry");
        }
        boolean aIsLong = a.episode().anaesthetic() == Anaesthetic.BUPIVACAINE;
        Duration longer = aIsLong ? va.duration() : vb.duration();
        Duration shorter = aIsLong ? vb.duration() : va.duration();
        boolean concordant = longer.compareTo(shorter) > 0;
        return new Concordance(standard, concordant ? ConcordanceResult.CONCORDANT : ConcordanceResult.DISCORDANT,
                va.duration(), vb.duration(), "relief >= " + va.thresholdPercent() + "% lasted "
                + TimePoint.label(longer) + " after bupivacaine and " + TimePoint.label(shorter) + " after lidocaine");
    }

    /** RFA candidacy in one region at the clinic's threshold. */
    public static RfaCandidacy rfaCandidacy(List<BlockVerdict> blocks, Region region,
            BlockRules rules) {
        return rfaCandidacy(blocks, region, rules.clinicStandard());
    }

    /**
     * RFA candidacy in one region at a threshold: a candidate when at least two diagnostic blocks
     * in that region are positive at it. The evidence is the two earliest positive blocks; every
     * block of the region considered is listed.
     */
    public static RfaCandidacy rfaCandidacy(List<BlockVerdict> blocks, Region region,
            ReliefStandard standard) {
        List<BlockVerdict> inRegion = blocks.stream().filter(v -> v.episode().region() == region)
                .sorted(Comparator.comparing(v -> v.episode().injectionEnded())).toList();
        List<BlockVerdict> positive = inRegion.stream().filter(v -> v.positiveAt(standard)).toList();
        boolean candidate = positive.size() >= 2;
        List<BlockVerdict> evidence = candidate ? positive.subList(0, 2) : positive;
        StringBuilder why = new StringBuilder();
        why.append(positive.size()).append(positive.size() == 1 ? " positive diagnostic block" : " positive diagnostic blocks")
                .append(" of ").append(inRegion.size()).append(" in the ").append(region).append(" region at ")
                .append(standard).append(candidate ? ": an RFA candidate" : ": two are needed");
        for (BlockVerdict v : evidence) {
            why.append("; ").append(v.episode().diagnosticBlock()).append(" block ").append(v.episode().episodeId())
                    .append(": ").append(v.verdict(standard).explanation());
        }
        boolean sameLevelsAndSide = candidate
                && Set.copyOf(evidence.get(0).episode().levels())
                        .equals(Set.copyOf(evidence.get(1).episode().levels()))
                && evidence.get(0).episode().side() == evidence.get(1).episode().side();
        return new RfaCandidacy(region, standard, candidate, evidence, inRegion, sameLevelsAndSide, why.toString());
    }
}
