package io.spineintake.triage.assess;

import java.time.Instant;

/**
 * A string that sorts the consult queue ascending: band (emergency, urgent, consult), then more
 * red flags first, then higher score first, then older first. Fixed width, so plain string order
 * is priority order: {@code B-F-SSS-TTTTTTTTTTTTT}.
 */
public final class PriorityKey {
    private PriorityKey() {
    }

    public static String of(Disposition disposition, int flagCount, int score, Instant receivedAt) {
        int flags = 9 - Math.min(Math.max(flagCount, 0), 9);
        int inverseScore = 100 - Math.min(Math.max(score, 0), 100);
        long millis = Math.max(0, receivedAt.toEpochMilli());
        return String.format(java.util.Locale.ROOT, "%d-%d-%03d-%013d", disposition.band(), flags, inverseScore, millis);
    }
}
