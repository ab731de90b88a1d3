package io.spineintake.triage.block;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Medicare LCD's frequency limits per rolling window (12 months) and region group. A window
 * ending on a date E holds the sessions dated after E minus the window's months and up to E: a
 * session stops counting on its anniversary. Sessions of one kind on one date in one region group
 * count once.
 */
public final class LcdFrequency {
    private LcdFrequency() {
    }

    /** Sessions per region group and kind in the window ending on {@code asOf}. */
    public static Map<RegionGroup, Map<SessionKind, Integer>> counts(List<Session> sessions, LocalDate asOf,
            BlockRules rules) {
        Map<RegionGroup, Map<SessionKind, Integer>> out = new EnumMap<>(RegionGroup.class);
        for (RegionGroup g : RegionGroup.values()) {
            Map<SessionKind, Integer> perKind = new EnumMap<>(SessionKind.class);
            for (SessionKind k : SessionKind.values()) {
                perKind.put(k, inWindow(distinct(sessions, g, k), asOf, rules.frequencyWindowMonths()).size());
            }
            out.put(g, perKind);
        }
        return out;
    }

    /**
     * Whether booking {@code proposed} would break the limit of its kind and region group, in any
     * rolling window that contains its date (also windows that reach sessions already booked
     * after it).
     */
    public static BookingCheck check(List<Session> sessions, Session proposed, BlockRules rules) {
        int months = rules.frequencyWindowMonths();
        int limit = rules.limit(proposed.group(), proposed.kind());
        List<Session> all = new ArrayList<>(sessions);
        all.add(proposed);
        Set<Session> same = distinct(all, proposed.group(), proposed.kind());
        TreeSet<LocalDate> ends = new TreeSet<>();
        ends.add(proposed.date());
        LocalDate lastEnd = proposed.date().plusMonths(months);
        for (Session s : same) {
            if (!s.date().isBefore(proposed.date()) && s.date().isBefore(lastEnd)) {
                ends.add(s.date());
            }
        }
        List<Session> busiest = null;
        LocalDate busiestEnd = null;
        for (LocalDate end : ends) {
            List<Session> in = inWindow(same, end, months);
            if (busiest == null || in.size() > busiest.size()) {
                busiest = in;
                busiestEnd = end;
            }
        }
        LocalDate from = busiestEnd.minusMonths(months);
        int count = busiest.size();
        String warning = count <= limit ? null
                : "booking this " + proposed.kind() + " session on " + proposed.date() + " would make " + count + " "
                        + proposed.kind() + " sessions in " + proposed.group() + " between " + from.plusDays(1) + " and "
                        + busiestEnd + "; the LCD allows at most " + limit + " per rolling " + months + " months";
        return new BookingCheck(proposed, limit, count, from, busiestEnd, busiest, warning);
    }

    private static Set<Session> distinct(List<Session> sessions, RegionGroup group, SessionKind kind) {
        Set<Session> out = new LinkedHashSet<>();
        for (Session s : sessions) {
            if (s.group() == group && s.kind() == kind) {
                out.add(s);
            }
        }
        return out;
    }

    private static List<Session> inWindow(Set<Session> sessions, LocalDate end, int months) {
        LocalDate from = end.minusMonths(months);
        return sessions.stream().filter(s -> s.date().isAfter(from) && !s.date().isAfter(end))
                .sorted(Comparator.comparing(Session::date)).toList();
    }
}
