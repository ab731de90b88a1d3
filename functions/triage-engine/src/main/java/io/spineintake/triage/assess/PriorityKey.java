package io.spineintake.triage.assess;

import io.spineintake.triage.Digits;
import java.time.Instant;

/**
 * A string that sorts the worklist ascending, fixed width so plain string order is priority order:
 * {@code B-F-SSS-TTTTTTTTTTTTT}. B is the disposition's queue rank (emergency, urgent, consult,
 * then the general consult and re-contact lists). Emergency and urgent intakes then sort by their
 * clinical weight, never by the facet score: more distinct red flags first (F), then the rule set's
 * severity order (SSS: suspected arterial injury, cauda equina, ... , the rest last). Every other
 * list sorts by higher score first (SSS = 100 - score). Then the longer waiting first (T).
 */
public final class PriorityKey {
    private PriorityKey() {
    }

    /** @param severityRank the index of the first severity group that holds (the rule set's length when none) */
    public static String of(Disposition disposition, int flagCount, int severityRank, int score, Instant receivedAt) {
        int flags = 9 - Math.min(Math.max(flagCount, 0), 9);
        boolean byFlags = disposition == Disposition.EMERGENCY || disposition == Disposition.URGENT_REVIEW;
        int middle = byFlags ? Math.min(Math.max(severityRank, 0), 999) : 100 - Math.min(Math.max(score, 0), 100);
        long millis = Math.max(0, receivedAt.toEpochMilli());
        return disposition.band() + "-" + flags + "-" + Digits.zeroPadded(middle, 3) + "-" + Digits.zeroPadded(millis, 13);
    }
}
