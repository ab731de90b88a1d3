package io.spineintake.platform.referrals;

import io.spineintake.triage.assess.Disposition;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The worklist's lists, in the order the worklist shows them: one per disposition, so every
 * accepted intake lands on a list a person works (spec section 9). The MBB pathway's bands
 * (EMERGENCY, URGENT_REVIEW, CONSULT), then the general spine consult list (OTHER_PATHWAY) and the
 * re-contact list (CONSERVATIVE_CARE_FIRST). A referral's priority key starts with its band's
 * {@link #prefix()}, so the key's string order is the worklist's order.
 */
public enum Band {
    EMERGENCY(Disposition.EMERGENCY),
    URGENT_REVIEW(Disposition.URGENT_REVIEW),
    CONSULT(Disposition.CONSULT),
    GENERAL_CONSULT(Disposition.OTHER_PATHWAY),
    RECONTACT(Disposition.CONSERVATIVE_CARE_FIRST);

    /** Every band, in worklist order (the order of their prefixes). */
    public static final List<Band> IN_ORDER = Arrays.stream(values())
            .sorted(java.util.Comparator.comparing(Band::prefix)).toList();

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

    /** The list a disposition's referrals go to. */
    public static Band of(Disposition disposition) {
        return IN_ORDER.stream().filter(b -> b.disposition == disposition).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no band for " + disposition));
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
