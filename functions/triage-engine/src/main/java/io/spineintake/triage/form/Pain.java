package io.spineintake.triage.form;

import java.util.List;

/**
 * The pain complaint. {@code mainRegion} names the main complaint; when blank, the first listed
 * region is the main one. Pain scores describe the main complaint.
 */
public record Pain(List<RegionPain> regions, Region mainRegion, PainScores nrs, Peg peg) {
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
