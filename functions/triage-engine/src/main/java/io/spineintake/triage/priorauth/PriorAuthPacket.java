package io.spineintake.triage.priorauth;

import io.spineintake.triage.assess.CriterionStatus;
import io.spineintake.triage.assess.Evidence;
import io.spineintake.triage.block.BlockResult;
import io.spineintake.triage.block.DiagnosticBlock;
import io.spineintake.triage.block.RegionGroup;
import io.spineintake.triage.block.ReliefStandard;
import io.spineintake.triage.block.SessionKind;
import io.spineintake.triage.form.Anaesthetic;
import io.spineintake.triage.form.Region;
import io.spineintake.triage.form.Side;
import io.spineintake.triage.form.TreatmentOutcome;
import java.time.LocalDate;
import java.util.List;

/**
 * The prior-authorization evidence packet of one referral and region (docs/prior-auth.md gives
 * each field's LCD source). Dates are the clinic's calendar dates; nothing in it changes with the
 * clock except {@code preparedOn}, the clinic's day the packet was made (the frequency window ends on it).
 *
 * @param answeredOn the day the intake form arrived (the date of every criterion's answers); null without a form
 * @param codes the clinic's configured CPT/HCPCS code numbers for the region (never descriptor text); empty when none
 * @param missing what is still missing before the request can go out, in a fixed order
 */
public record PriorAuthPacket(
        String referralId,
        Region region,
        LocalDate preparedOn,
        String ruleSetVersion,
        String blockRulesVersion,
        ReliefStandard clinicStandard,
        LocalDate answeredOn,
        List<Criterion> criteria,
        Integer painMonths,
        List<CareTried> conservativeCare,
        Scores scores,
        List<Block> blocks,
        Frequency frequency,
        List<String> codes,
        List<Missing> missing) {

    public PriorAuthPacket {
        criteria = List.copyOf(criteria);
        conservativeCare = List.copyOf(conservativeCare);
        blocks = List.copyOf(blocks);
        codes = List.copyOf(codes);
        missing = List.copyOf(missing);
    }

    /** One LCD criterion with the answers (JSON pointers into the form) that decided it and their date. */
    public record Criterion(int number, String id, String text, CriterionStatus status, String explanation,
                            List<Evidence> evidence, LocalDate answeredOn) {
        public Criterion {
            evidence = List.copyOf(evidence);
        }
    }

    /** A conservative treatment as the form has it: outcome, weeks (exercise-based care), the question. */
    public record CareTried(String treatment, String question, TreatmentOutcome outcome, Integer weeks) {
    }

    /** NRS 0-10 (now, average, worst) and PEG-3 (items and mean) of the main complaint; blanks stay null. */
    public record Scores(Integer nrsNow, Integer nrsAverage, Integer nrsWorst, Integer pegPain, Integer pegEnjoyment,
                         Integer pegActivity, Double pegScore) {
    }

    /** A diagnostic medial branch block with its diary's scores and both verdicts. */
    public record Block(String episodeId, LocalDate date, DiagnosticBlock diagnosticBlock, List<String> levels, Side side,
                        Anaesthetic anaesthetic, int baselineNrs, List<PostBlockScore> postBlock, Double peakReliefPercent,
                        List<Verdict> verdicts) {
        public Block {
            levels = List.copyOf(levels);
            postBlock = List.copyOf(postBlock);
            verdicts = List.copyOf(verdicts);
        }
    }

    /** One recorded diary point: its label ("30 min"), the NRS and the relief against the baseline, in words. */
    public record PostBlockScore(String point, int minutesAfter, int nrs, String relief) {
    }

    /** A block's verdict at one standard, with its explanation. */
    public record Verdict(ReliefStandard standard, int thresholdPercent, BlockResult result, String explanation) {
    }

    /** Sessions of the region's LCD group in the rolling window ending on {@code to}, with the limits. */
    public record Frequency(RegionGroup group, int windowMonths, LocalDate from, LocalDate to, List<Count> counts) {
        public Frequency {
            counts = List.copyOf(counts);
        }
    }

    public record Count(SessionKind kind, int sessions, int limit) {
    }

    /** What is missing: a stable code, what it refers to (a criterion id or an episode id; null otherwise), in words. */
    public record Missing(String code, String ref, String text) {
    }
}
