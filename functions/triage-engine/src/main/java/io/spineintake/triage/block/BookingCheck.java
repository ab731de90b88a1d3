package io.spineintake.triage.block;

import java.time.LocalDate;
import java.util.List;

/**
 * A proposed session against the LCD limit of its kind and region group: the sessions counted in
 * the busiest rolling window that contains the proposed date ({@code windowFrom} exclusive,
 * {@code windowTo} inclusive), the count with the proposed session, and the warning when the
 * booking would break the limit (null otherwise).
 */
public record BookingCheck(
        Session proposed,
        int limit,
        int countWithBooking,
        LocalDate windowFrom,
        LocalDate windowTo,
        List<Session> counted,
        String warning) {
    public BookingCheck {
        counted = List.copyOf(counted);
    }

    public boolean breaksLimit() {
        return countWithBooking > limit;
    }

    /** Sessions of this kind still allowed in that window after the booking; negative when over. */
    public int remaining() {
        return limit - countWithBooking;
    }
}
