package io.spineintake.triage.assess;

import io.spineintake.triage.form.Region;
import java.util.List;

/** The facet-likelihood score of one region, 0-100, and every contribution that made it. */
public record RegionAssessment(Region region, boolean main, int score, Tier tier, List<Contribution> contributions) {
    public RegionAssessment {
        contributions = List.copyOf(contributions);
    }
}
