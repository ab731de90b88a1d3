package io.spineintake.triage.assess;

import io.spineintake.triage.form.Answer;
import io.spineintake.triage.form.PriorProcedure;
import io.spineintake.triage.form.IntakeForm;
import io.spineintake.triage.form.ProcedureScreen;
import io.spineintake.triage.form.RegionPain;
import io.spineintake.triage.form.SafetyScreen;
import io.spineintake.triage.rules.RuleSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The assessment, in the order of the spec: red flags first, then each region's score, the
 * readiness criteria, and the disposition by the ordered rules of section 6.
 */
public final class Triage {
    private final RuleSet rules;
    private final SafetyScreening safety;
    private final FacetScoring scoring;
    private final ReadinessCheck readiness;

    public Triage(RuleSet rules) {
        this.rules = rules;
        this.safety = new SafetyScreening(rules);
        this.scoring = new FacetScoring(rules);
        this.readiness = new ReadinessCheck(rules);
    }

    public RuleSet rules() {
        return rules;
    }

    public Assessment assess(IntakeForm form, Instant receivedAt) {
        if (form.pain() == null || form.pain().regions().isEmpty()) {
            throw new IllegalArgumentException("a form needs at least one painful region");
        }
        LocalDate today = LocalDate.ofInstant(receivedAt, ZoneOffset.UTC);
        Integer age = age(form, today);
        RedFlags flags = safety.screen(form, today);

        RegionPain main = form.pain().main();
        List<RegionPain> listed = form.pain().regions();
        List<RegionAssessment> regions = new ArrayList<>();
        String mainAt = null;
        for (int i = 0; i < listed.size(); i++) {
            RegionPain r = listed.get(i);
            String at = "/pain/regions/" + i;
            boolean isMain = r == main;
            RegionAssessment a = scoring.score(r, at, isMain, age, form.findings(),
                    form.treatments().priorMedialBranchBlock());
            if (isMain) {
                mainAt = at;
                regions.add(0, a);
            } else {
                regions.add(a);
            }
        }
        RegionAssessment headline = regions.get(0);
        List<ReadinessCriterion> criteria = readiness.evaluate(form, main, mainAt);
        boolean repeatRfa = repeatRfaCandidate(form.treatments().priorRadiofrequencyAblation());
        DispositionRules.Decision decision = DispositionRules.decide(flags, criteria, headline.tier(),
                repeatRfa ? rules.repeatRfa().text() : null);

        List<String> toConfirm = new ArrayList<>(flags.unansweredHardStops());
        toConfirm.addAll(flags.unansweredUrgent());
        for (ReadinessCriterion c : criteria) {
            if (c.status() == CriterionStatus.UNKNOWN) {
                toConfirm.add(c.id());
            }
        }
        // a trauma flag without the day it happened: how recent it is decides the imaging, so ask
        SafetyScreen screen = form.safety();
        if (screen != null && screen.injuryDaysAgo() == null
                && (Answer.isYes(screen.majorTrauma()) || Answer.isYes(screen.minorTraumaWithOsteoporosis()))) {
            toConfirm.add("/safety/injuryDaysAgo");
        }
        if (repeatRfa && decision.disposition() == Disposition.CONSULT
                && !Answer.isYes(form.treatments().priorRadiofrequencyAblation().painReturned())) {
            toConfirm.add("/treatments/priorRadiofrequencyAblation/painReturned");
        }
        // distinct red flags: the age at onset is a note, never a flag
        List<String> raised = new ArrayList<>();
        flags.hardStops().forEach(f -> raised.add(f.id()));
        flags.urgent().forEach(f -> raised.add(f.id()));
        int severityRank = rules.severity().size();
        String severity = null;
        for (int i = 0; i < rules.severity().size(); i++) {
            if (rules.severity().get(i).holdsFor(raised)) {
                severityRank = i;
                severity = rules.severity().get(i).id();
                break;
            }
        }
        String key = PriorityKey.of(decision.disposition(), raised.size(), severityRank, headline.score(), receivedAt);
        Instant recontactAt = decision.disposition() == Disposition.CONSERVATIVE_CARE_FIRST
                ? recontactAt(main.durationMonths(), receivedAt) : null;
        return new Assessment(rules.version(), flags, criteria, regions, headline.score(), headline.tier(),
                decision.disposition(), decision.rule(), decision.reason(), toConfirm,
                procedureNotes(form.procedure()), key, PatientMessage.of(decision.disposition()), raised.size(),
                severity, repeatRfa, recontactAt, advice(flags, regions));
    }

    /**
     * The four readiness criteria for one region (the prior-authorization packet, issue 15): as
     * {@link #assess} computes them for the main region, for any region the form lists; a region the
     * form does not list is read as a region with every answer blank. Pain scores are the main
     * complaint's, as the form asks them.
     */
    public List<ReadinessCriterion> readiness(IntakeForm form, io.spineintake.triage.form.Region region) {
        List<RegionPain> listed = form.pain().regions();
        for (int i = 0; i < listed.size(); i++) {
            if (listed.get(i).region() == region) {
                return readiness.evaluate(form, listed.get(i), "/pain/regions/" + i);
            }
        }
        return readiness.evaluate(form, new RegionPain(region, null, null, null, null, null, null, null, null, null,
                null, null), "/pain/regions");
    }

    /** A prior ablation with enough relief for long enough, the pain not said to be gone (LCD repeat-RFA criterion). */
    boolean repeatRfaCandidate(PriorProcedure rfa) {
        return rfa != null && rfa.reliefPercent() != null && rfa.reliefMonths() != null
                && rfa.reliefPercent() >= rules.repeatRfa().minimumReliefPercent()
                && rfa.reliefMonths() >= rules.repeatRfa().minimumMonths() && !Answer.isNo(rfa.painReturned());
    }

    /**
     * The later of the pain's mark (its start plus the rule set's months) and the advice's weeks
     * after today; without a duration, the weeks after the advice.
     */
    Instant recontactAt(Integer durationMonths, Instant receivedAt) {
        ZonedDateTime received = receivedAt.atZone(ZoneOffset.UTC);
        ZonedDateTime afterAdvice = received.plusWeeks(rules.recontact().adviceWeeks());
        if (durationMonths == null) {
            return afterAdvice.toInstant();
        }
        ZonedDateTime mark = received.minusMonths(durationMonths).plusMonths(rules.recontact().painMonths());
        return (mark.isAfter(afterAdvice) ? mark : afterAdvice).toInstant();
    }

    /** What to do now for each hard stop raised, then the warning signs of each painful region, each once. */
    static List<PatientAdvice> advice(RedFlags flags, List<RegionAssessment> regions) {
        java.util.LinkedHashSet<PatientAdvice> advice = new java.util.LinkedHashSet<>();
        flags.hardStopAdvice().forEach(advice::add);
        regions.forEach(r -> advice.add(PatientAdvice.safetyFor(r.region())));
        return List.copyOf(advice);
    }

    static Integer age(IntakeForm form, LocalDate today) {
        LocalDate born = form.patient() == null ? null : form.patient().dateOfBirth();
        return born == null || born.isAfter(today) ? null : Period.between(born, today).getYears();
    }

    /** What the coordinator must know before a block: answers of YES, and questions left open. */
    static List<String> procedureNotes(ProcedureScreen p) {
        List<String> notes = new ArrayList<>();
        note(notes, p.bloodThinners(), "BLOOD_THINNERS");
        note(notes, p.contrastOrAnaestheticAllergy(), "CONTRAST_OR_ANAESTHETIC_ALLERGY");
        note(notes, p.pregnant(), "PREGNANT");
        note(notes, p.pacemakerOrStimulator(), "PACEMAKER_OR_STIMULATOR");
        note(notes, p.diabetes(), "DIABETES");
        return notes;
    }

    private static void note(List<String> notes, Answer a, String code) {
        if (Answer.isYes(a)) {
            notes.add(code);
        } else if (Answer.isUnknown(a)) {
            notes.add(code + "_UNANSWERED");
        }
    }
}
