package io.spineintake.triage.block;

import io.spineintake.triage.form.Region;
import java.util.List;

/**
 * Radiofrequency ablation candidacy in one region at one threshold: {@code evidence} holds the
 * positive blocks that decided it (the two earliest when a candidate), {@code considered} every
 * block of the region, {@code sameLevelsAndSide} whether the two deciding blocks were at the same
 * levels and side (reported for the clinician, not part of the rule), {@code reason} the
 * decision in words.
 */
public record RfaCandidacy(
        Region region,
        ReliefStandard standard,
        boolean candidate,
        List<BlockVerdict> evidence,
        List<BlockVerdict> considered,
        boolean sameLevelsAndSide,
        String reason) {
    public RfaCandidacy {
        evidence = List.copyOf(evidence);
        considered = List.copyOf(considered);
    }
}
