package io.spineintake.triage.block;

import io.spineintake.triage.form.Anaesthetic;
import io.spineintake.triage.form.Region;
import io.spineintake.triage.form.Side;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * One diagnostic medial branch block as the clinic records it (spec section 7): when the injection
 * ended, the region, one or two levels, the side, the anaesthetic, first or second diagnostic
 * block, and the baseline NRS (0-10) of the index pain just before it. Never a range.
 *
 * <p>Refused: a baseline of 0 (relief cannot be measured against no pain) or outside 0-10; no
 * level, more than two, a repeated level or one outside the region; a CENTRAL side (a medial
 * branch block is left, right or both); an UNKNOWN anaesthetic (the clinic knows what it injected).
 */
public record BlockEpisode(
        String episodeId,
        Instant injectionEnded,
        Region region,
        List<SpinalLevel> levels,
        Side side,
        Anaesthetic anaesthetic,
        DiagnosticBlock diagnosticBlock,
        int baselineNrs) {

    public BlockEpisode {
        if (episodeId == null || episodeId.isBlank()) {
            throw new IllegalArgumentException("a block episode has an id");
        }
        Objects.requireNonNull(injectionEnded, "injectionEnded");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(anaesthetic, "anaesthetic");
        Objects.requireNonNull(diagnosticBlock, "diagnosticBlock");
        levels = List.copyOf(levels);
        if (levels.isEmpty() || levels.size() > 2) {
            throw new IllegalArgumentException("a block session has 1 or 2 levels, not " + levels.size());
        }
        if (new HashSet<>(levels).size() != levels.size()) {
            throw new IllegalArgumentException("a level is named twice: " + levels);
        }
        for (SpinalLevel level : levels) {
            if (!level.isIn(region)) {
                throw new IllegalArgumentException("level " + level.label() + " is not in the " + region + " region");
            }
        }
        if (side == Side.CENTRAL) {
            throw new IllegalArgumentException("a medial branch block is LEFT, RIGHT or BOTH, not CENTRAL");
        }
        if (anaesthetic == Anaesthetic.UNKNOWN) {
            throw new IllegalArgumentException("the clinic records the anaesthetic it injected: LIDOCAINE or BUPIVACAINE");
        }
        Relief.checkBaseline(baselineNrs);
    }

    /** When a time point falls for this block. */
    public Instant timeOf(TimePoint point) {
        return injectionEnded.plus(point.after());
    }
}
