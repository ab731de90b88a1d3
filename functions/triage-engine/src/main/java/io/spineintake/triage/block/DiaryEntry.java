package io.spineintake.triage.block;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * What the patient recorded for one time point: the NRS (0-10, one number, never a range) of the
 * index pain, when the entry arrived (server time), whether it arrived late, and a note for each
 * aggravating movement.
 */
public record DiaryEntry(TimePoint point, int nrs, Instant receivedAt, boolean late, List<MovementNote> movements) {
    public DiaryEntry {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (nrs < 0 || nrs > 10) {
            throw new IllegalArgumentException("NRS is a whole number from 0 to 10, not " + nrs);
        }
        movements = List.copyOf(movements);
        HashSet<Movement> seen = new HashSet<>();
        for (MovementNote note : movements) {
            if (!seen.add(note.movement())) {
                throw new IllegalArgumentException("movement " + note.movement() + " is noted twice at " + point);
            }
        }
    }

    /** An entry with no movement notes. */
    public static DiaryEntry of(TimePoint point, int nrs, Instant receivedAt) {
        return new DiaryEntry(point, nrs, receivedAt, false, List.of());
    }
}
