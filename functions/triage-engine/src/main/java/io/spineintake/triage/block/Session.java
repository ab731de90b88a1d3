package io.spineintake.triage.block;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A facet session done or booked, for the LCD's frequency limits: its date (in the clinic's time
 * zone), region group and kind. Sessions of one kind on one date in one region group are one
 * session (a bilateral block recorded as two episodes is one session).
 */
public record Session(LocalDate date, RegionGroup group, SessionKind kind) {
    public Session {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(kind, "kind");
    }

    /** A diagnostic block episode as a DIAGNOSTIC session on its date in the clinic's zone. */
    public static Session of(BlockEpisode episode, ZoneId clinicZone) {
        return new Session(episode.injectionEnded().atZone(clinicZone).toLocalDate(), RegionGroup.of(episode.region()),
                SessionKind.DIAGNOSTIC);
    }
}
