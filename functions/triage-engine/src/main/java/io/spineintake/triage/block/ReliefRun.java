package io.spineintake.triage.block;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Relief at or above a threshold from one recorded point to a later one, every recorded point
 * between them at or above it too. {@code missingWithin} lists the missed points inside the run:
 * the run spans them (they do not break it) but they are never given a relief of their own.
 */
public record ReliefRun(TimePoint from, TimePoint to, List<TimePoint> missingWithin) {
    public ReliefRun {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.compareTo(from) < 0) {
            throw new IllegalArgumentException("a run ends after it starts");
        }
        missingWithin = List.copyOf(missingWithin);
    }

    /** From the first to the last point of the run; 0 for a single point. */
    public Duration duration() {
        return Duration.ofMinutes(to.minutesAfter() - from.minutesAfter());
    }

    public String describe() {
        return "from " + from.label() + " to " + to.label() + " (" + TimePoint.label(duration()) + ")"
                + (missingWithin.isEmpty() ? "" : ", spanning missed " + missingWithin);
    }
}
