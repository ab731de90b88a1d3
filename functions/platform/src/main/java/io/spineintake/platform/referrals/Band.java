package io.spineintake.platform.referrals;

import io.spineintake.triage.assess.Disposition;
import java.util.List;
import java.util.Optional;

/**
 * The worklist's bands, in the order the worklist lists them: the single place that says which
 * disposition goes to which band and how a band's referrals sort first. A referral's priority key
 * starts with its band's {@link #prefix()}, so the key's string order is the worklist's order.
 */
public enum Band {
    EMERGENCY(Disposition.EMERGENCY),
    URGENT_REVIEW(Disposition.URGENT_REVIEW),
    CONSULT(Disposition.CONSULT);

    /** Every band, in worklist order. */
    public static final List<Band> IN_ORDER = List.of(values());

    private final char prefix;
    private final Disposition disposition;

    Band(Disposition disposition) {
        // the engine's PriorityKey starts with the disposition's queue rank: the band is that digit
        this.prefix = Character.forDigit(disposition.band(), 10);
        this.disposition = disposition;
    }

    /** The first character of the priority keys of this band's referrals. */
    public char prefix() {
        return prefix;
    }

    public Disposition disposition() {
        return disposition;
    }

    /** The band a disposition's referrals go to; none for one that goes on no worklist. */
    public static Optional<Band> of(Disposition disposition) {
        return IN_ORDER.stream().filter(b -> b.disposition == disposition).findFirst();
    }

    /** The band a priority key belongs to; none when the key has no band's prefix. */
    public static Optional<Band> ofKey(String priorityKey) {
        return priorityKey == null || priorityKey.isEmpty() ? Optional.empty()
                : IN_ORDER.stream().filter(b -> b.prefix == priorityKey.charAt(0)).findFirst();
    }

    /** {@code priorityKey} moved into this band (its prefix replaced). */
    public String rekey(String priorityKey) {
        return prefix + priorityKey.substring(1);
    }
}
