package io.spineintake.triage.priorauth;

import io.spineintake.triage.assess.CriterionStatus;
import io.spineintake.triage.assess.ReadinessCriterion;
import io.spineintake.triage.block.BlockEpisode;
import io.spineintake.triage.block.BlockResult;
import io.spineintake.triage.block.BlockRules;
import io.spineintake.triage.block.BlockVerdict;
import io.spineintake.triage.block.LcdFrequency;
import io.spineintake.triage.block.PointRelief;
import io.spineintake.triage.block.RegionGroup;
import io.spineintake.triage.block.ReliefStandard;
import io.spineintake.triage.block.Session;
import io.spineintake.triage.block.SessionKind;
import io.spineintake.triage.block.SpinalLevel;
import io.spineintake.triage.block.ThresholdVerdict;
import io.spineintake.triage.form.IntakeForm;
import io.spineintake.triage.form.Peg;
import io.spineintake.triage.form.PainScores;
import io.spineintake.triage.form.Region;
import io.spineintake.triage.form.RegionPain;
import io.spineintake.triage.form.Treatment;
import io.spineintake.triage.form.Treatments;
import io.spineintake.triage.priorauth.PriorAuthPacket.Block;
import io.spineintake.triage.priorauth.PriorAuthPacket.CareTried;
import io.spineintake.triage.priorauth.PriorAuthPacket.Count;
import io.spineintake.triage.priorauth.PriorAuthPacket.Criterion;
import io.spineintake.triage.priorauth.PriorAuthPacket.Frequency;
import io.spineintake.triage.priorauth.PriorAuthPacket.Missing;
import io.spineintake.triage.priorauth.PriorAuthPacket.PostBlockScore;
import io.spineintake.triage.priorauth.PriorAuthPacket.Scores;
import io.spineintake.triage.priorauth.PriorAuthPacket.Verdict;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Assembles the prior-authorization packet of one referral and region from what the engine has
 * already decided: the readiness criteria for the region, the blocks' verdicts and the sessions.
 * Pure: the same input always gives the same packet.
 */
public final class PacketAssembly {
    /** Missing-item codes, in the order the packet lists them. */
    public static final String NO_INTAKE_FORM = "NO_INTAKE_FORM";
    public static final String CRITERION_UNKNOWN = "CRITERION_UNKNOWN";
    public static final String NO_DIAGNOSTIC_BLOCK = "NO_DIAGNOSTIC_BLOCK";
    public static final String NO_DIARY_ENTRIES = "NO_DIARY_ENTRIES";
    public static final String NO_SECOND_BLOCK = "NO_SECOND_BLOCK";
    public static final String NO_SECOND_POSITIVE_BLOCK = "NO_SECOND_POSITIVE_BLOCK";

    private PacketAssembly() {
    }

    /**
     * What the packet is made from.
     *
     * @param form the intake form, or null when the referral has none (every criterion is then UNKNOWN)
     * @param receivedAt when the form arrived (null without a form)
     * @param criteria the engine's four readiness criteria for {@code region} (ignored without a form)
     * @param verdicts the verdicts of every block of the referral (any region)
     * @param sessions every facet session of the patient, for the LCD frequency counts
     * @param asOf the clinic's today: the frequency window ends on it
     */
    public record Input(String referralId, Region region, IntakeForm form, Instant receivedAt,
                        List<ReadinessCriterion> criteria, String ruleSetVersion, List<BlockVerdict> verdicts,
                        List<Session> sessions, LocalDate asOf, ZoneId clinicZone, BlockRules rules,
                        ProcedureCodes codes) {
        public Input {
            Objects.requireNonNull(referralId, "referralId");
            Objects.requireNonNull(region, "region");
            criteria = criteria == null ? List.of() : List.copyOf(criteria);
            verdicts = List.copyOf(verdicts);
            sessions = List.copyOf(sessions);
            Objects.requireNonNull(asOf, "asOf");
            Objects.requireNonNull(clinicZone, "clinicZone");
            Objects.requireNonNull(rules, "rules");
            codes = codes == null ? ProcedureCodes.NONE : codes;
        }
    }

    /** The regions a referral can have a packet for: those with at least one block, in the engine's order. */
    public static List<Region> regionsWithBlocks(List<BlockVerdict> verdicts) {
        return java.util.Arrays.stream(Region.values())
                .filter(r -> verdicts.stream().anyMatch(v -> v.episode().region() == r)).toList();
    }

    public static PriorAuthPacket assemble(Input in) {
        IntakeForm form = in.form();
        LocalDate answeredOn = form == null || in.receivedAt() == null ? null
                : in.receivedAt().atZone(in.clinicZone()).toLocalDate();
        List<Criterion> criteria = new ArrayList<>();
        if (form == null) {
            String[][] four = {
                {"R1_MODERATE_SEVERE_AXIAL_PAIN", "Moderate to severe, mainly axial pain with a functional deficit"},
                {"R2_THREE_MONTHS_CONSERVATIVE_CARE", "Pain for 3 months or more, conservative care tried without enough relief"},
                {"R3_NO_RADICULOPATHY_OR_CLAUDICATION", "No untreated radiculopathy or neurogenic claudication"},
                {"R4_NO_NON_FACET_CAUSE", "No known non-facet cause of the pain"}};
            for (int i = 0; i < four.length; i++) {
                criteria.add(new Criterion(i + 1, four[i][0], four[i][1], CriterionStatus.UNKNOWN,
                        "Not settled: the referral has no intake form", List.of(), null));
            }
        } else {
            for (ReadinessCriterion c : in.criteria()) {
                criteria.add(new Criterion(c.number(), c.id(), c.text(), c.status(), c.explanation(), c.evidence(),
                        answeredOn));
            }
        }

        List<BlockVerdict> inRegion = in.verdicts().stream().filter(v -> v.episode().region() == in.region())
                .sorted(Comparator.comparing((BlockVerdict v) -> v.episode().injectionEnded())
                        .thenComparing(v -> v.episode().episodeId()))
                .toList();
        List<Block> blocks = inRegion.stream().map(v -> block(v, in.clinicZone())).toList();

        RegionGroup group = RegionGroup.of(in.region());
        Map<RegionGroup, Map<SessionKind, Integer>> counts = LcdFrequency.counts(in.sessions(), in.asOf(), in.rules());
        List<Count> perKind = new ArrayList<>();
        for (SessionKind kind : SessionKind.values()) {
            perKind.add(new Count(kind, counts.get(group).get(kind), in.rules().limit(group, kind)));
        }
        int months = in.rules().frequencyWindowMonths();
        Frequency frequency = new Frequency(group, months, in.asOf().minusMonths(months).plusDays(1), in.asOf(), perKind);

        RegionPain pain = form == null ? null : form.pain().regions().stream()
                .filter(r -> r.region() == in.region()).findFirst().orElse(null);
        return new PriorAuthPacket(in.referralId(), in.region(), in.asOf(), form == null ? null : in.ruleSetVersion(),
                in.rules().version(), in.rules().clinicStandard(), answeredOn, criteria,
                pain == null ? null : pain.durationMonths(), form == null ? List.of() : care(form.treatments()),
                form == null ? null : scores(form.pain().nrs(), form.pain().peg()), blocks, frequency,
                in.codes().of(in.region()), missing(form == null, criteria, inRegion));
    }

    /**
     * Exactly what is still missing: the intake form (when there is none), each UNKNOWN criterion,
     * a diagnostic block in the region, each block's diary with no entry, a second block, and a
     * second block positive at the LCD's threshold when exactly one is positive (else a second block
     * when there is only one).
     */
    static List<Missing> missing(boolean noForm, List<Criterion> criteria, List<BlockVerdict> inRegion) {
        List<Missing> out = new ArrayList<>();
        if (noForm) {
            out.add(new Missing(NO_INTAKE_FORM, null, "The referral has no intake form: the criteria cannot be shown"));
        }
        for (Criterion c : criteria) {
            if (c.status() == CriterionStatus.UNKNOWN) {
                out.add(new Missing(CRITERION_UNKNOWN, c.id(), "Criterion " + c.number() + " is not settled: "
                        + c.explanation()));
            }
        }
        if (inRegion.isEmpty()) {
            out.add(new Missing(NO_DIAGNOSTIC_BLOCK, null, "No diagnostic medial branch block recorded in this region"));
            return out;
        }
        for (BlockVerdict v : inRegion) {
            if (v.verdict(ReliefStandard.MEDICARE_LCD).result() == BlockResult.NO_ENTRIES) {
                out.add(new Missing(NO_DIARY_ENTRIES, v.episode().episodeId(), "The " + v.episode().diagnosticBlock()
                        .name().toLowerCase() + " block's diary has no entry: no verdict yet"));
            }
        }
        long positive = inRegion.stream().filter(v -> v.positiveAt(ReliefStandard.MEDICARE_LCD)).count();
        if (positive == 1) {
            out.add(new Missing(NO_SECOND_POSITIVE_BLOCK, null, "One block with at least 80% relief; the LCD asks for"
                    + " a second before radiofrequency ablation"));
        } else if (inRegion.size() < 2) {
            out.add(new Missing(NO_SECOND_BLOCK, null, "Only one diagnostic block recorded; the LCD asks for two before"
                    + " radiofrequency ablation"));
        }
        return out;
    }

    private static Block block(BlockVerdict v, ZoneId zone) {
        BlockEpisode e = v.episode();
        List<PostBlockScore> post = new ArrayList<>();
        for (PointRelief p : v.points()) {
            if (!p.missing()) {
                post.add(new PostBlockScore(p.point().label(), p.point().minutesAfter(), p.entry().nrs(),
                        p.relief().describe()));
            }
        }
        List<Verdict> verdicts = new ArrayList<>();
        for (ReliefStandard s : ReliefStandard.values()) {
            ThresholdVerdict t = v.verdict(s);
            verdicts.add(new Verdict(s, t.thresholdPercent(), t.result(), t.explanation()));
        }
        return new Block(e.episodeId(), e.injectionEnded().atZone(zone).toLocalDate(), e.diagnosticBlock(),
                e.levels().stream().map(SpinalLevel::label).toList(), e.side(), e.anaesthetic(), e.baselineNrs(), post,
                v.peakPercent(), verdicts);
    }

    private static List<CareTried> care(Treatments t) {
        List<CareTried> out = new ArrayList<>();
        add(out, "Physical therapy", "/treatments/physicalTherapy", t.physicalTherapy());
        add(out, "Home exercise", "/treatments/homeExercise", t.homeExercise());
        add(out, "Pain medication (analgesics)", "/treatments/analgesics", t.analgesics());
        add(out, "Muscle relaxants", "/treatments/muscleRelaxants", t.muscleRelaxants());
        add(out, "Manual therapy", "/treatments/manualTherapy", t.manualTherapy());
        add(out, "Acupuncture", "/treatments/acupuncture", t.acupuncture());
        add(out, "Massage", "/treatments/massage", t.massage());
        return out;
    }

    private static void add(List<CareTried> out, String name, String question, Treatment t) {
        out.add(new CareTried(name, question, t == null ? null : t.outcome(), t == null ? null : t.weeks()));
    }

    private static Scores scores(PainScores nrs, Peg peg) {
        Double score = peg.score();
        return new Scores(nrs.now(), nrs.average(), nrs.worst(), peg.averagePain(), peg.enjoymentOfLife(),
                peg.generalActivity(), score == null ? null : Math.round(score * 10) / 10.0);
    }

}
