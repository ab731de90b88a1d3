package io.spineintake.triage.block;

import io.spineintake.triage.form.Region;

/**
 * The LCD's regions for its frequency limits: cervical and thoracic count together, lumbar and
 * sacral together (sacral levels such as L5-S1 are recorded as LUMBAR).
 */
public enum RegionGroup {
    CERVICAL_THORACIC, LUMBAR_SACRAL;

    public static RegionGroup of(Region region) {
        return region == Region.LUMBAR ? LUMBAR_SACRAL : CERVICAL_THORACIC;
    }
}
