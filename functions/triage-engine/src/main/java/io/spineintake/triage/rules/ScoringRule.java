package io.spineintake.triage.rules;

import io.spineintake.triage.form.Region;
import java.util.Map;
import java.util.Set;

/**
 * One facet-likelihood rule as data: its weight (with per-region overrides), its plain text, its
 * source, the regions it applies to, an optional numeric parameter per region, and an optional
 * score floor. The condition itself lives in code under the same id.
 */
public record ScoringRule(
        String id,
        RuleKind kind,
        int points,
        Map<Region, Integer> regionPoints,
        String text,
        Map<Region, String> regionText,
        String source,
        Set<Region> regions,
        Map<Region, Integer> params,
        Integer floor,
        String floorText) {

    public ScoringRule {
        regionPoints = Map.copyOf(regionPoints);
        regionText = Map.copyOf(regionText);
        regions = Set.copyOf(regions);
        params = Map.copyOf(params);
    }

    public boolean appliesTo(Region region) {
        return regions.contains(region);
    }

    public int pointsFor(Region region) {
        return regionPoints.getOrDefault(region, points);
    }

    public String textFor(Region region) {
        return regionText.getOrDefault(region, text);
    }

    public Integer paramFor(Region region) {
        return params.get(region);
    }
}
