package io.spineintake.triage.form;

import java.util.List;

/**
 * The pain complaint. {@code mainRegion} names the main complaint; when blank, the first listed
 * region is the main one. Pain scores describe the main complaint. {@code claudicationPattern}:
 * legs hurt, feel heavy or weak on walking and get better sitting or bending forward (asked when
 * the low back hurts).
 */
public record Pain(List<RegionPain> regions, Region mainRegion, PainScores nrs, Peg peg, Answer claudicationPattern) {
    public Pain {
        regions = regions == null ? List.of() : List.copyOf(regions);
        nrs = nrs == null ? PainScores.BLANK : nrs;
        peg = peg == null ? Peg.BLANK : peg;
    }

    /** The main complaint: the region named as main, else the first listed. */
    public RegionPain main() {
        for (RegionPain r : regions) {
            if (r.region() == mainRegion) {
                return r;
            }
        }
        return regions.isEmpty() ? null : regions.get(0);
    }
}
