package io.spineintake.triageapi;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.spineintake.platform.Timestamps;
import io.spineintake.platform.blocks.DiaryLinks;
import io.spineintake.platform.blocks.DiarySchedule;
import io.spineintake.platform.blocks.EntryItem;
import io.spineintake.platform.blocks.EpisodeItem;
import io.spineintake.triage.block.BlockResult;
import io.spineintake.triage.block.BlockRules;
import io.spineintake.triage.block.BlockVerdict;
import io.spineintake.triage.block.BookingCheck;
import io.spineintake.triage.block.ConcordanceResult;
import io.spineintake.triage.block.DiagnosticBlock;
import io.spineintake.triage.block.LcdFrequency;
import io.spineintake.triage.block.MovementNote;
import io.spineintake.triage.block.PointRelief;
import io.spineintake.triage.block.RegionGroup;
import io.spineintake.triage.block.ReliefDirection;
import io.spineintake.triage.block.ReliefStandard;
import io.spineintake.triage.block.RfaCandidacy;
import io.spineintake.triage.block.SessionKind;
import io.spineintake.triage.block.SpinalLevel;
import io.spineintake.triage.block.ThresholdVerdict;
import io.spineintake.triage.block.TimePoint;
import io.spineintake.triage.form.Anaesthetic;
import io.spineintake.triage.form.Region;
import io.spineintake.triage.form.Side;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The JSON of the block routes, as records serialised by the platform's API mapper (absent values as null). */
final class BlockViews {
    private BlockViews() {
    }

    static String ts(Instant at) {
        return at == null ? null : Timestamps.of(at);
    }

    record DiaryLink(DiaryLinks.Status status, String expiresAt) {
        static DiaryLink of(EpisodeItem e, Instant now) {
            DiaryLinks.Status status = DiaryLinks.status(e, now);
            return new DiaryLink(status, status == DiaryLinks.Status.ACTIVE || status == DiaryLinks.Status.EXPIRED
                    ? e.linkExpiresAt() : null);
        }
    }

    record Movement(io.spineintake.triage.block.Movement movement, boolean tried,
                    io.spineintake.triage.block.MovementChange change) {
        static Movement of(MovementNote n) {
            return new Movement(n.movement(), n.tried(), n.change());
        }
    }

    record Entry(int timePoint, int nrs, String receivedAt, boolean late, List<Movement> movements) {
        static Entry of(EntryItem e) {
            var entry = e.entry();
            return new Entry(e.minutes(), e.nrs(), e.receivedAt(), entry.late(),
                    entry.movements().stream().map(Movement::of).toList());
        }
    }

    record Point(int minutes, String dueAt, boolean recorded, Integer nrs, Double reliefPercent,
                 ReliefDirection direction, String description, boolean late) {
        static Point of(PointRelief p, Instant ended) {
            String due = ts(ended.plus(p.point().after()));
            if (p.missing()) {
                return new Point(p.point().minutesAfter(), due, false, null, null, null, "missing", false);
            }
            return new Point(p.point().minutesAfter(), due, true, p.entry().nrs(), p.relief().percent(),
                    p.relief().direction(), p.relief().describe(), p.late());
        }
    }

    record Peak(int minutes, double reliefPercent, String description) {
    }

    record Verdict(ReliefStandard standard, int thresholdPercent, BlockResult result, long durationMinutes,
                   Integer fromMinutes, Integer toMinutes, List<Integer> missingWithin, long minimumMinutes,
                   String explanation) {
        static Verdict of(ThresholdVerdict v) {
            var run = v.longestRun();
            return new Verdict(v.standard(), v.thresholdPercent(), v.result(), v.duration().toMinutes(),
                    run == null ? null : run.from().minutesAfter(), run == null ? null : run.to().minutesAfter(),
                    run == null ? List.of() : run.missingWithin().stream().map(TimePoint::minutesAfter).toList(),
                    v.minimumDuration().toMinutes(), v.explanation());
        }
    }

    /** The engine's BlockVerdict: relief per point, peak, durations and verdicts at both thresholds. */
    record Result(String rulesVersion, Anaesthetic anaesthetic, long expectedMinutes, ReliefStandard clinicStandard,
                  List<Point> points, Peak peak, List<Verdict> verdicts, List<Integer> missing) {
        static Result of(BlockVerdict v, BlockRules rules) {
            Instant ended = v.episode().injectionEnded();
            PointRelief peak = v.peak();
            return new Result(v.rulesVersion(), v.episode().anaesthetic(),
                    rules.minimumDuration(v.episode().anaesthetic()).toMinutes(), rules.clinicStandard(),
                    v.points().stream().map(p -> Point.of(p, ended)).toList(),
                    peak == null ? null : new Peak(peak.point().minutesAfter(), peak.relief().percent(), peak.relief().describe()),
                    v.verdicts().stream().map(Verdict::of).toList(),
                    v.missingPoints().stream().map(TimePoint::minutesAfter).toList());
        }
    }

    record Episode(String episodeId, String endedAt, Region region, List<String> levels, Side side, Anaesthetic anaesthetic,
                   DiagnosticBlock diagnosticBlock, int baselineNrs, String recordedAt, String recordedBy,
                   DiaryLink diaryLink, List<Entry> entries, Result result) {
        static Episode of(EpisodeItem e, List<EntryItem> entries, BlockVerdict verdict, BlockRules rules, Instant now) {
            return new Episode(e.episodeId(), e.endedAt(), e.region(),
                    e.levels().stream().map(l -> SpinalLevel.valueOf(l).label()).toList(), e.side(), e.anaesthetic(),
                    e.diagnosticBlock(), e.baselineNrs(), e.recordedAt(), e.recordedBy(), DiaryLink.of(e, now),
                    entries.stream().map(Entry::of).toList(), verdict == null ? null : Result.of(verdict, rules));
        }
    }

    record LcdWarning(RegionGroup group, SessionKind kind, int limit, int countWithBooking, LocalDate windowFrom,
                      LocalDate windowTo, String message) {
        static LcdWarning of(BookingCheck c) {
            return new LcdWarning(c.proposed().group(), c.proposed().kind(), c.limit(), c.countWithBooking(),
                    c.windowFrom().plusDays(1), c.windowTo(), c.warning());
        }
    }

    /** 201 of POST /referrals/{id}/blocks: the episode (no entries yet) and the LCD warnings. */
    record Recorded(@JsonUnwrapped Episode episode, List<LcdWarning> lcdWarnings) {
        static Recorded of(BlockService.Recorded r, BlockRules rules, Instant now) {
            var verdict = io.spineintake.triage.block.BlockDiary.assess(r.episode().episode(), List.of(), rules);
            return new Recorded(Episode.of(r.episode(), List.of(), verdict, rules, now),
                    r.warnings().stream().map(LcdWarning::of).toList());
        }
    }

    record Evidence(String episodeId, DiagnosticBlock diagnosticBlock, String endedAt, List<String> levels, Side side,
                    BlockResult result, String explanation) {
        static Evidence of(BlockVerdict v, ReliefStandard standard) {
            var e = v.episode();
            return new Evidence(e.episodeId(), e.diagnosticBlock(), ts(e.injectionEnded()),
                    e.levels().stream().map(SpinalLevel::label).toList(), e.side(), v.verdict(standard).result(),
                    v.verdict(standard).explanation());
        }
    }

    record Rfa(Region region, ReliefStandard standard, int thresholdPercent, boolean candidate, List<Evidence> evidence,
               List<String> considered, boolean sameLevelsAndSide, String reason) {
        static Rfa of(RfaCandidacy c, BlockRules rules) {
            return new Rfa(c.region(), c.standard(), rules.percent(c.standard()), c.candidate(),
                    c.evidence().stream().map(v -> Evidence.of(v, c.standard())).toList(),
                    c.considered().stream().map(v -> v.episode().episodeId()).toList(), c.sameLevelsAndSide(), c.reason());
        }
    }

    record Concordance(Region region, ReliefStandard standard, String firstEpisodeId, String secondEpisodeId,
                       ConcordanceResult result, long firstDurationMinutes, long secondDurationMinutes, String reason) {
        static Concordance of(BlockService.RegionConcordance c) {
            return new Concordance(c.region(), c.concordance().standard(), c.firstEpisodeId(), c.secondEpisodeId(),
                    c.concordance().result(), c.concordance().firstDuration().toMinutes(),
                    c.concordance().secondDuration().toMinutes(), c.concordance().reason());
        }
    }

    record Lcd(LocalDate asOf, int windowMonths, Map<RegionGroup, Map<SessionKind, Integer>> counts,
               Map<RegionGroup, Map<SessionKind, Integer>> limits) {
        static Lcd of(BlockService.Overview o, BlockRules rules, LocalDate today) {
            Map<RegionGroup, Map<SessionKind, Integer>> limits = new EnumMap<>(RegionGroup.class);
            for (RegionGroup g : RegionGroup.values()) {
                Map<SessionKind, Integer> perKind = new EnumMap<>(SessionKind.class);
                for (SessionKind k : SessionKind.values()) {
                    perKind.put(k, rules.limit(g, k));
                }
                limits.put(g, perKind);
            }
            return new Lcd(today, rules.frequencyWindowMonths(), LcdFrequency.counts(o.sessions(), today, rules), limits);
        }
    }

    /** 200 of GET /referrals/{id}/blocks. */
    record Overview(String asOf, List<Episode> episodes, List<Rfa> rfaCandidacy, List<Concordance> concordance, Lcd lcd,
                    DiaryWindows diaryWindows) {
        static Overview of(BlockService.Overview o, BlockRules rules, LocalDate today) {
            return new Overview(ts(o.now()),
                    o.episodes().stream().map(r -> Episode.of(r.episode(), r.entries(), r.verdict(), rules, o.now())).toList(),
                    o.rfa().stream().map(c -> Rfa.of(c, rules)).toList(),
                    o.concordance().stream().map(Concordance::of).toList(),
                    Lcd.of(o, rules, today), DiaryWindows.INSTANCE);
        }
    }

    /** The rules of the diary's windows, so the console can say what the patient sees. */
    record DiaryWindows(long earlyMinutes, long onTimeMinutes) {
        static final DiaryWindows INSTANCE = new DiaryWindows(DiarySchedule.EARLY_MINUTES, DiarySchedule.ON_TIME_MINUTES);
    }

    record IssuedLink(String token, String expiresAt) {
    }
}
