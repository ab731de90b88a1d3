package io.spineintake.diary;

import io.spineintake.platform.Timestamps;
import io.spineintake.platform.blocks.DiarySchedule;
import io.spineintake.platform.blocks.EntryItem;
import io.spineintake.platform.blocks.EpisodeItem;
import io.spineintake.platform.blocks.DiaryLinks;
import io.spineintake.triage.block.Movement;
import io.spineintake.triage.block.MovementChange;
import io.spineintake.triage.block.MovementNote;
import io.spineintake.triage.form.Region;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The diary's JSON: the block's time and region, the points and their windows, the movements, the entries. No patient data. */
final class DiaryViews {
    private DiaryViews() {
    }

    record Episode(String endedAt, Region region, String expiresAt) {
    }

    record Point(int minutes, String dueAt, String opensAt, String lateAfter, String closesAt, DiarySchedule.Status status) {
        static Point of(DiarySchedule.Window w, boolean recorded, Instant now) {
            return new Point(w.point().minutesAfter(), Timestamps.of(w.dueAt()), Timestamps.of(w.opensAt()),
                    Timestamps.of(w.lateAfter()), Timestamps.of(w.closesAt()), w.status(recorded, now));
        }
    }

    record MovementEntry(Movement movement, boolean tried, MovementChange change) {
        static MovementEntry of(MovementNote n) {
            return new MovementEntry(n.movement(), n.tried(), n.change());
        }
    }

    /** An entry as recorded: the server's receivedAt, and late when it arrived after the point's on-time window. */
    record Entry(int timePoint, int nrs, String receivedAt, boolean late, List<MovementEntry> movements) {
        static Entry of(EntryItem item) {
            var e = item.entry();
            return new Entry(item.minutes(), e.nrs(), item.receivedAt(), e.late(),
                    e.movements().stream().map(MovementEntry::of).toList());
        }
    }

    record Diary(String now, Episode episode, List<Point> timePoints, List<Integer> dueNow, Point next,
                 List<Movement> movements, List<Entry> entries) {
        static Diary of(EpisodeItem e, List<DiarySchedule.Window> windows, List<Movement> movements, List<EntryItem> entries,
                        Instant now) {
            Set<Integer> done = entries.stream().map(EntryItem::minutes).collect(Collectors.toSet());
            List<Point> points = windows.stream().map(w -> Point.of(w, done.contains(w.point().minutesAfter()), now)).toList();
            return new Diary(Timestamps.of(now),
                    new Episode(e.endedAt(), e.region(), Timestamps.of(DiaryLinks.expiresAt(e.ended()))), points,
                    points.stream().filter(p -> p.status() == DiarySchedule.Status.DUE).map(Point::minutes).toList(),
                    points.stream().filter(p -> p.status() == DiarySchedule.Status.UPCOMING).findFirst().orElse(null),
                    movements, entries.stream().map(Entry::of).toList());
        }
    }
}
