package io.spineintake.triage.block;

import io.spineintake.triage.form.Anaesthetic;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The clinic-tunable figures of spec section 7, read from {@code block-rules.json} by
 * {@link io.spineintake.triage.rules.BlockRuleFile}: the diary's time points, the thresholds and
 * which one the clinic's payer rule counts, each anaesthetic's expected minimum duration of relief,
 * and the frequency limits per rolling window and region group. Checked in full when built; a bad
 * value fails with a message naming the entry.
 */
public record BlockRules(
        String version,
        List<TimePoint> timePoints,
        Map<ReliefStandard, Threshold> thresholds,
        ReliefStandard clinicStandard,
        Map<Anaesthetic, ExpectedRelief> anaesthetics,
        int frequencyWindowMonths,
        Map<RegionGroup, Map<SessionKind, Integer>> frequencyLimits) {

    /** A threshold of relief and where it comes from. */
    public record Threshold(int percent, String source) {
        public Threshold {
            if (percent < 1 || percent > 100) {
                throw new IllegalArgumentException("percent must be a whole number from 1 to 100, not " + percent);
            }
            requireText(source, "source");
        }
    }

    /** How long an anaesthetic's relief is expected to last at least, and where that comes from. */
    public record ExpectedRelief(Duration minimum, String source) {
        public ExpectedRelief {
            Objects.requireNonNull(minimum, "minimum");
            if (minimum.isNegative() || minimum.isZero() || minimum.compareTo(Duration.ofHours(48)) > 0) {
                throw new IllegalArgumentException("minimumMinutes must be above 0 and at most 2880 (48 h)");
            }
            requireText(source, "source");
        }
    }

    /** The longest a diary runs: its link expires 48 hours after the block. */
    public static final int LAST_POSSIBLE_MINUTE = 48 * 60;

    public BlockRules {
        requireText(version, "version");
        timePoints = List.copyOf(timePoints);
        if (timePoints.size() < 2) {
            throw new IllegalArgumentException("timePointsMinutes must name at least 2 time points");
        }
        for (int i = 1; i < timePoints.size(); i++) {
            if (timePoints.get(i).compareTo(timePoints.get(i - 1)) <= 0) {
                throw new IllegalArgumentException("timePointsMinutes[" + i + "] must come after "
                        + timePoints.get(i - 1).minutesAfter() + ": the points rise strictly");
            }
        }
        if (timePoints.get(timePoints.size() - 1).minutesAfter() > LAST_POSSIBLE_MINUTE) {
            throw new IllegalArgumentException("timePointsMinutes must end by " + LAST_POSSIBLE_MINUTE
                    + " (the diary link expires 48 h after the block)");
        }
        thresholds = copy(thresholds, ReliefStandard.class, "thresholds");
        Objects.requireNonNull(clinicStandard, "clinicStandard");
        Map<Anaesthetic, ExpectedRelief> a = new EnumMap<>(Anaesthetic.class);
        a.putAll(anaesthetics);
        if (a.containsKey(Anaesthetic.UNKNOWN)) {
            throw new IllegalArgumentException("anaesthetics.UNKNOWN is not allowed: a block records its anaesthetic");
        }
        for (Anaesthetic an : Anaesthetic.values()) {
            if (an != Anaesthetic.UNKNOWN && !a.containsKey(an)) {
                throw new IllegalArgumentException("anaesthetics." + an + " is missing");
            }
        }
        anaesthetics = Map.copyOf(a);
        if (frequencyWindowMonths < 1 || frequencyWindowMonths > 36) {
            throw new IllegalArgumentException("frequency.windowMonths must be a whole number from 1 to 36");
        }
        Map<RegionGroup, Map<SessionKind, Integer>> limits = copy(frequencyLimits, RegionGroup.class, "frequency.limits");
        Map<RegionGroup, Map<SessionKind, Integer>> checked = new EnumMap<>(RegionGroup.class);
        for (Map.Entry<RegionGroup, Map<SessionKind, Integer>> e : limits.entrySet()) {
            Map<SessionKind, Integer> perKind = copy(e.getValue(), SessionKind.class, "frequency.limits." + e.getKey());
            for (Map.Entry<SessionKind, Integer> k : perKind.entrySet()) {
                if (k.getValue() == null || k.getValue() < 1 || k.getValue() > 100) {
                    throw new IllegalArgumentException("frequency.limits." + e.getKey() + "." + k.getKey()
                            + " must be a whole number from 1 to 100");
                }
            }
            checked.put(e.getKey(), Map.copyOf(perKind));
        }
        frequencyLimits = Map.copyOf(checked);
    }

    public int percent(ReliefStandard standard) {
        return thresholds.get(standard).percent();
    }

    public Duration minimumDuration(Anaesthetic anaesthetic) {
        ExpectedRelief e = anaesthetics.get(anaesthetic);
        if (e == null) {
            throw new IllegalArgumentException("no expected duration for " + anaesthetic);
        }
        return e.minimum();
    }

    public int limit(RegionGroup group, SessionKind kind) {
        return frequencyLimits.get(group).get(kind);
    }

    public boolean isTimePoint(TimePoint point) {
        return timePoints.contains(point);
    }

    /** A copy of these rules with other values, for tuning and tests. */
    public BlockRules withThreshold(ReliefStandard standard, int percent) {
        Map<ReliefStandard, Threshold> t = new EnumMap<>(thresholds);
        t.put(standard, new Threshold(percent, thresholds.get(standard).source()));
        return new BlockRules(version, timePoints, t, clinicStandard, anaesthetics, frequencyWindowMonths, frequencyLimits);
    }

    public BlockRules withMinimum(Anaesthetic anaesthetic, Duration minimum) {
        Map<Anaesthetic, ExpectedRelief> a = new EnumMap<>(anaesthetics);
        a.put(anaesthetic, new ExpectedRelief(minimum, anaesthetics.get(anaesthetic).source()));
        return new BlockRules(version, timePoints, thresholds, clinicStandard, a, frequencyWindowMonths, frequencyLimits);
    }

    private static <K extends Enum<K>, V> Map<K, V> copy(Map<K, V> map, Class<K> type, String where) {
        Objects.requireNonNull(map, where);
        Map<K, V> out = new EnumMap<>(type);
        out.putAll(map);
        for (K k : type.getEnumConstants()) {
            if (out.get(k) == null) {
                throw new IllegalArgumentException(where + "." + k.name() + " is missing");
            }
        }
        return Map.copyOf(out);
    }

    private static void requireText(String s, String where) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(where + " must be non-blank text");
        }
    }
}
