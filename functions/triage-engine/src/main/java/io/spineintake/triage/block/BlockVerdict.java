package io.spineintake.triage.block;

import java.util.List;
import java.util.Objects;

/**
 * What a block's diary shows: every time point (recorded or missing) with its relief, the peak
 * (null when nothing was recorded), and the verdict at each threshold, with the rule-set version
 * that made them.
 */
public record BlockVerdict(
        BlockEpisode episode,
        String rulesVersion,
        List<PointRelief> points,
        PointRelief peak,
        List<ThresholdVerdict> verdicts) {

    public BlockVerdict {
        Objects.requireNonNull(episode, "episode");
        Objects.requireNonNull(rulesVersion, "rulesVersion");
        points = List.copyOf(points);
        verdicts = List.copyOf(verdicts);
    }

    public ThresholdVerdict verdict(ReliefStandard standard) {
        for (ThresholdVerdict v : verdicts) {
            if (v.standard() == standard) {
                return v;
            }
        }
        throw new IllegalArgumentException("no verdict at " + standard);
    }

    public boolean positiveAt(ReliefStandard standard) {
        return verdict(standard).positive();
    }

    public List<TimePoint> missingPoints() {
        return points.stream().filter(PointRelief::missing).map(PointRelief::point).toList();
    }

    /** Peak relief in percent, or null when nothing was recorded. */
    public Double peakPercent() {
        return peak == null ? null : peak.relief().percent();
    }
}
