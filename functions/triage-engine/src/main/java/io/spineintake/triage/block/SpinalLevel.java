package io.spineintake.triage.block;

import io.spineintake.triage.form.Region;
import java.util.EnumSet;
import java.util.Set;

/**
 * A facet joint level blocked in a session, named by its two vertebrae (L4-L5, L5-S1). A junctional
 * level belongs to both regions it joins (C7-T1, T12-L1); L5-S1 is a lumbar level (the sacrum has
 * no region of its own in the engine; the LCD groups it with the lumbar spine anyway).
 */
public enum SpinalLevel {
    C2_C3, C3_C4, C4_C5, C5_C6, C6_C7, C7_T1,
    T1_T2, T2_T3, T3_T4, T4_T5, T5_T6, T6_T7, T7_T8, T8_T9, T9_T10, T10_T11, T11_T12, T12_L1,
    L1_L2, L2_L3, L3_L4, L4_L5, L5_S1;

    /** The regions this level belongs to: one, or two for a junctional level. */
    public Set<Region> regions() {
        String upper = name().substring(0, 1);
        String lower = name().substring(name().indexOf('_') + 1, name().indexOf('_') + 2);
        Set<Region> out = EnumSet.of(region(upper));
        if (!lower.equals("S")) {
            out.add(region(lower));
        }
        return out;
    }

    public boolean isIn(Region region) {
        return regions().contains(region);
    }

    /** As the clinic writes it: "L5-S1". */
    public String label() {
        return name().replace('_', '-');
    }

    private static Region region(String letter) {
        switch (letter) {
            case "C":
                return Region.CERVICAL;
            case "T":
                return Region.THORACIC;
            default:
                return Region.LUMBAR;
        }
    }
}
