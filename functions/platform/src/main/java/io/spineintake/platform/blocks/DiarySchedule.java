package io.spineintake.platform.blocks;

import io.spineintake.triage.block.BlockRules;
import io.spineintake.triage.block.TimePoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When each diary time point can be recorded (docs/api.md, "The diary's windows"). For a point due
 * at {@code dueAt} (block end + its minutes):
 *
 * <ul>
 * <li>it opens {@value #EARLY_MINUTES} minutes before {@code dueAt};</li>
 * <li>an entry is on time until {@code lateAfter} = {@code dueAt} + {@value #ON_TIME_MINUTES} minutes
 *     (never after the point closes), late after it;</li>
 * <li>it closes when the next point falls due; the last point when the link expires (48 h). After
 *     that the point is MISSED and stays missing: no entry is accepted for it.</li>
 * </ul>
 */
public final class DiarySchedule {
    public static final long EARLY_MINUTES = 5;
    public static final long ON_TIME_MINUTES = 10;

    /** A point's status for the patient. */
    public enum Status { DONE, DUE, UPCOMING, MISSED }

    public record Window(TimePoint point, Instant dueAt, Instant opensAt, Instant lateAfter, Instant closesAt) {
        public boolean accepts(Instant at) {
            return !at.isBefore(opensAt) && at.isBefore(closesAt);
        }

        public boolean late(Instant at) {
            return !at.isBefore(lateAfter);
        }

        public Status status(boolean recorded, Instant now) {
            if (recorded) {
                return Status.DONE;
            }
            if (now.isBefore(opensAt)) {
                return Status.UPCOMING;
            }
            return now.isBefore(closesAt) ? Status.DUE : Status.MISSED;
        }
    }

    private DiarySchedule() {
    }

    public static List<Window> windows(BlockRules rules, Instant blockEnded) {
        List<TimePoint> points = rules.timePoints();
        List<Window> out = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            Instant due = blockEnded.plus(points.get(i).after());
            Instant closes = i + 1 < points.size() ? blockEnded.plus(points.get(i + 1).after())
                    : DiaryLinks.expiresAt(blockEnded);
            Instant lateAfter = due.plus(Duration.ofMinutes(ON_TIME_MINUTES));
            out.add(new Window(points.get(i), due, due.minus(Duration.ofMinutes(EARLY_MINUTES)),
                    lateAfter.isAfter(closes) ? closes : lateAfter, closes));
        }
        return out;
    }

    public static Optional<Window> window(BlockRules rules, Instant blockEnded, int minutes) {
        return windows(rules, blockEnded).stream().filter(w -> w.point().minutesAfter() == minutes).findFirst();
    }
}
