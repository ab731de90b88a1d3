package io.spineintake.triage.block;

import io.spineintake.triage.form.Anaesthetic;
import io.spineintake.triage.form.Region;
import io.spineintake.triage.form.Side;
import io.spineintake.triage.rules.BlockRuleFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Block episodes and diaries for the tests, on the bundled block rules. */
final class Diaries {
    static final BlockRules RULES = BlockRuleFile.bundled();
    static final Instant ENDED = Instant.parse("2026-11-30T14:00:00Z");

    private Diaries() {
    }

    static BlockEpisode episode(String id, Anaesthetic anaesthetic, int baseline) {
        return episode(id, anaesthetic, Region.LUMBAR, DiagnosticBlock.FIRST, baseline, ENDED);
    }

    static BlockEpisode episode(String id, Anaesthetic anaesthetic, Region region, DiagnosticBlock which, int baseline,
            Instant ended) {
        List<SpinalLevel> levels = region == Region.LUMBAR ? List.of(SpinalLevel.L4_L5, SpinalLevel.L5_S1)
                : region == Region.CERVICAL ? List.of(SpinalLevel.C5_C6) : List.of(SpinalLevel.T6_T7);
        return new BlockEpisode(id, ended, region, levels, Side.BOTH, anaesthetic, which, baseline);
    }

    /** Entries at the given minutes, each received on time. */
    static List<DiaryEntry> entries(BlockEpisode episode, Map<Integer, Integer> nrsByMinute) {
        List<DiaryEntry> out = new ArrayList<>();
        for (Map.Entry<Integer, Integer> e : new TreeMap<>(nrsByMinute).entrySet()) {
            TimePoint p = TimePoint.minutes(e.getKey());
            out.add(DiaryEntry.of(p, e.getValue(), episode.timeOf(p)));
        }
        return out;
    }

    /** Entries for the rules' time points: nrs.get(i) for the i-th point, null for a missed one. */
    static List<DiaryEntry> entries(BlockEpisode episode, List<Integer> nrs, BlockRules rules) {
        List<DiaryEntry> out = new ArrayList<>();
        for (int i = 0; i < nrs.size(); i++) {
            if (nrs.get(i) != null) {
                TimePoint p = rules.timePoints().get(i);
                out.add(DiaryEntry.of(p, nrs.get(i), episode.timeOf(p)));
            }
        }
        return out;
    }

    /** Every point of the diary at {@code nrs} from minute {@code from} to minute {@code to}, {@code other} elsewhere. */
    static Map<Integer, Integer> reliefBetween(int from, int to, int nrs, int other, BlockRules rules) {
        Map<Integer, Integer> out = new TreeMap<>();
        for (TimePoint p : rules.timePoints()) {
            out.put(p.minutesAfter(), p.minutesAfter() >= from && p.minutesAfter() <= to ? nrs : other);
        }
        return out;
    }
}
