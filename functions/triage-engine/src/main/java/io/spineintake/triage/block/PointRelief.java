package io.spineintake.triage.block;

import java.util.Objects;

/**
 * One time point of the diary: the entry and its relief, or missing (both null). A missed point
 * stays missing; it is never filled in from its neighbours.
 */
public record PointRelief(TimePoint point, DiaryEntry entry, Relief relief) {
    public PointRelief {
        Objects.requireNonNull(point, "point");
        if ((entry == null) != (relief == null)) {
            throw new IllegalArgumentException("a point has both an entry and its relief, or neither");
        }
    }

    public boolean missing() {
        return entry == null;
    }

    public boolean late() {
        return entry != null && entry.late();
    }
}
