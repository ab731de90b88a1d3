package io.spineintake.triage.block;

import io.spineintake.triage.form.Anaesthetic;
import java.time.Duration;
import java.util.Objects;

/**
 * A block's verdict at one threshold: POSITIVE when the longest run of relief at or above the
 * threshold lasts at least the anaesthetic's expected minimum duration. {@code longestRun} is null
 * when no recorded point reached the threshold.
 */
public record ThresholdVerdict(
        ReliefStandard standard,
        int thresholdPercent,
        Anaesthetic anaesthetic,
        Duration minimumDuration,
        ReliefRun longestRun,
        BlockResult result) {

    public ThresholdVerdict {
        Objects.requireNonNull(standard, "standard");
        Objects.requireNonNull(anaesthetic, "anaesthetic");
        Objects.requireNonNull(minimumDuration, "minimumDuration");
        Objects.requireNonNull(result, "result");
    }

    public boolean positive() {
        return result == BlockResult.POSITIVE;
    }

    /** How long relief lasted at the threshold; zero when it was never reached. */
    public Duration duration() {
        return longestRun == null ? Duration.ZERO : longestRun.duration();
    }

    /** The evidence, in words: "POSITIVE at MEDICARE_LCD (>= 80%): from 30 min to 4 h (3 h 30 min); bupivacaine is expected to last at least 2 h". */
    public String explanation() {
        String head = result + " at " + standard + " (>= " + thresholdPercent + "%): ";
        String expected = "; " + anaesthetic.name().toLowerCase() + " is expected to last at least "
                + TimePoint.label(minimumDuration);
        if (result == BlockResult.NO_ENTRIES) {
            return head + "the diary has no entry";
        }
        if (longestRun == null) {
            return head + "no recorded point reached " + thresholdPercent + "% relief" + expected;
        }
        return head + longestRun.describe() + expected;
    }
}
