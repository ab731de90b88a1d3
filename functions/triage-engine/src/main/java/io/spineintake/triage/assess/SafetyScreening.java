package io.spineintake.triage.assess;

import io.spineintake.triage.form.Answer;
import io.spineintake.triage.form.IntakeForm;
import io.spineintake.triage.form.Region;
import io.spineintake.triage.form.RegionPain;
import io.spineintake.triage.rules.FlagRule;
import io.spineintake.triage.rules.RuleSet;
import io.spineintake.triage.rules.SafetyQuestions;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * The red-flag screen (spec section 3), run before anything else. A YES raises the flag. Blank
 * or UNSURE is never read as "no": it is listed as unanswered, for the patient to be asked.
 * The neck's hard stops count as unanswered only when the neck is a painful region; a YES to
 * them counts always.
 */
final class SafetyScreening {
    static final String AGE_AT_ONSET = "U_AGE_AT_ONSET";

    private final RuleSet rules;

    SafetyScreening(RuleSet rules) {
        this.rules = rules;
    }

    RedFlags screen(IntakeForm form, LocalDate today) {
        boolean neck = form.pain().regions().stream().anyMatch(r -> r.region() == Region.CERVICAL);
        List<RedFlag> hard = new ArrayList<>();
        List<String> unansweredHard = new ArrayList<>();
        for (FlagRule rule : rules.hardStops()) {
            Answer a = SafetyQuestions.answer(form.safety(), rule.question());
            if (Answer.isYes(a)) {
                hard.add(flag(rule));
            } else if (Answer.isUnknown(a) && (neck || !rule.cervicalOnly())) {
                unansweredHard.add(SafetyQuestions.pointer(rule.question()));
            }
        }
        List<RedFlag> urgent = new ArrayList<>();
        List<String> unansweredUrgent = new ArrayList<>();
        for (FlagRule rule : rules.urgentFlags()) {
            Answer a = SafetyQuestions.answer(form.safety(), rule.question());
            if (Answer.isYes(a)) {
                urgent.add(flag(rule));
            } else if (Answer.isUnknown(a)) {
                unansweredUrgent.add(SafetyQuestions.pointer(rule.question()));
            }
        }
        List<RedFlag> noted = new ArrayList<>();
        Integer onsetAge = ageAtOnset(form, today);
        if (onsetAge != null && (onsetAge > rules.onsetOver() || onsetAge < rules.onsetUnder())) {
            noted.add(new RedFlag(AGE_AT_ONSET, rules.onsetText(), "/patient/dateOfBirth", rules.onsetSource(), null));
        }
        return new RedFlags(hard, urgent, noted, unansweredHard, unansweredUrgent);
    }

    /** Age in whole years when the longest-standing pain began; null when it cannot be told. */
    static Integer ageAtOnset(IntakeForm form, LocalDate today) {
        LocalDate born = form.patient() == null ? null : form.patient().dateOfBirth();
        Integer months = null;
        for (RegionPain r : form.pain().regions()) {
            if (r.durationMonths() != null && (months == null || r.durationMonths() > months)) {
                months = r.durationMonths();
            }
        }
        if (born == null || months == null) {
            return null;
        }
        LocalDate onset = today.minusMonths(months);
        return onset.isBefore(born) ? 0 : Period.between(born, onset).getYears();
    }

    private static RedFlag flag(FlagRule rule) {
        return new RedFlag(rule.id(), rule.text(), SafetyQuestions.pointer(rule.question()), rule.source(), rule.advice());
    }
}
