package io.spineintake.triage.form;

import java.util.EnumSet;
import java.util.Set;

/**
 * How far the pain spreads from the spine: the furthest point reached. Each value belongs to
 * the regions listed with it; the form contract rejects a value given for another region.
 */
public enum Spread {
    SPINE_ONLY(EnumSet.allOf(Region.class)),
    BUTTOCK(EnumSet.of(Region.LUMBAR)),
    THIGH_ABOVE_KNEE(EnumSet.of(Region.LUMBAR)),
    BELOW_KNEE(EnumSet.of(Region.LUMBAR)),
    FOOT(EnumSet.of(Region.LUMBAR)),
    SHOULDER(EnumSet.of(Region.CERVICAL)),
    UPPER_ARM(EnumSet.of(Region.CERVICAL)),
    BELOW_ELBOW(EnumSet.of(Region.CERVICAL)),
    HAND(EnumSet.of(Region.CERVICAL)),
    AROUND_CHEST(EnumSet.of(Region.THORACIC));

    private final Set<Region> regions;

    Spread(Set<Region> regions) {
        this.regions = regions;
    }

    public boolean appliesTo(Region region) {
        return regions.contains(region);
    }
}
