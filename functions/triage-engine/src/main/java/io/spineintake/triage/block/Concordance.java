package io.spineintake.triage.block;

import java.time.Duration;

/**
 * The concordance of two blocks at a threshold, with each block's duration of relief (in the order
 * the blocks were given) and the reason in words. Reported, not decisive.
 */
public record Concordance(ReliefStandard standard, ConcordanceResult result, Duration firstDuration,
        Duration secondDuration, String reason) {
}
