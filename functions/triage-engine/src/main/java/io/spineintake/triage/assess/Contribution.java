package io.spineintake.triage.assess;

import java.util.List;

/** Points one rule gave a region's score, with its plain text, its source and the questions read. */
public record Contribution(String ruleId, String text, int points, String source, List<String> questions) {
    public Contribution {
        questions = List.copyOf(questions);
    }
}
