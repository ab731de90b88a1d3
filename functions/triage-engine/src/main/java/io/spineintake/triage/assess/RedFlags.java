package io.spineintake.triage.assess;

import java.util.List;

/**
 * The safety screen's result. {@code urgent} holds the flags that call for urgent review;
 * {@code noted} holds weak flags that only count alongside another (Downie 2013).
 * {@code unansweredHardStops} lists the hard-stop questions left blank or unsure: the patient
 * must be asked; they are never read as "no".
 */
public record RedFlags(
        List<RedFlag> hardStops,
        List<RedFlag> urgent,
        List<RedFlag> noted,
        List<String> unansweredHardStops,
        List<String> unansweredUrgent) {
    public RedFlags {
        hardStops = List.copyOf(hardStops);
        urgent = List.copyOf(urgent);
        noted = List.copyOf(noted);
        unansweredHardStops = List.copyOf(unansweredHardStops);
        unansweredUrgent = List.copyOf(unansweredUrgent);
    }

    /** The advice of each hard stop raised, in the rule set's order. */
    public List<PatientAdvice> hardStopAdvice() {
        return hardStops.stream().map(RedFlag::advice).filter(java.util.Objects::nonNull).toList();
    }
}
