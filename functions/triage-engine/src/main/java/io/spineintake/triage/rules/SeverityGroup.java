package io.spineintake.triage.rules;

import java.util.Collection;
import java.util.List;

/**
 * One step of the fixed severity order that ranks emergency and urgent referrals with the same
 * number of red flags (spec section 6): it holds when every flag of {@code all} and at least one
 * of {@code any} was raised.
 */
public record SeverityGroup(String id, String text, List<String> all, List<String> any) {
    public SeverityGroup {
        all = List.copyOf(all);
        any = List.copyOf(any);
    }

    public boolean holdsFor(Collection<String> raised) {
        return raised.containsAll(all) && (any.isEmpty() || any.stream().anyMatch(raised::contains));
    }
}
