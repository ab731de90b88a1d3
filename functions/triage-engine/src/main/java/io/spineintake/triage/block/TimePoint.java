package io.spineintake.triage.block;

import java.time.Duration;

/** A diary time point: minutes after the injection ended (15 min, 30 min, ... 24 h). */
public record TimePoint(int minutesAfter) implements Comparable<TimePoint> {
    public TimePoint {
        if (minutesAfter <= 0) {
            throw new IllegalArgumentException("a time point is after the block: " + minutesAfter + " min");
        }
    }

    public static TimePoint minutes(int minutes) {
        return new TimePoint(minutes);
    }

    public Duration after() {
        return Duration.ofMinutes(minutesAfter);
    }

    /** "15 min", "1 h", "1 h 30 min", "24 h". */
    public String label() {
        return label(Duration.ofMinutes(minutesAfter));
    }

    static String label(Duration d) {
        long m = d.toMinutes();
        if (m < 60) {
            return m + " min";
        }
        return (m / 60) + " h" + (m % 60 == 0 ? "" : " " + (m % 60) + " min");
    }

    @Override
    public int compareTo(TimePoint o) {
        return Integer.compare(minutesAfter, o.minutesAfter);
    }

    @Override
    public String toString() {
        return label();
    }
}
