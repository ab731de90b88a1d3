package io.spineintake.triageapi;

import io.spineintake.platform.ClinicMetrics;

import io.spineintake.platform.Timestamps;
import io.spineintake.platform.intakes.IntakeRecord;
import io.spineintake.platform.intakes.IntakeRepository;
import io.spineintake.platform.referrals.AuditEntry;
import io.spineintake.platform.referrals.Band;
import io.spineintake.platform.referrals.Referral;
import io.spineintake.platform.referrals.ReferralRecord;
import io.spineintake.platform.referrals.ReferralRepository;
import io.spineintake.platform.referrals.ReferralStatus;
import io.spineintake.triage.assess.Disposition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the coordinators' API does, on the referrals and intakes tables. A command reads the
 * referral, lets the {@link Referral} aggregate decide, and writes its change with one conditional
 * write on the version it decided from; when another write got there first it decides again on
 * what is there now. The clock is injected so leases can be tested without waiting.
 *
 * <p>Refusals are thrown as {@link ApiProblem}; an unreachable table as
 * {@link io.spineintake.platform.BackendUnavailableException}.
 */
public final class ReferralService {

    /** The most index reads one worklist page may make (a very selective filter then gives a short page). */
    static final int MAX_QUERIES_PER_PAGE = 40;
    /**
     * Index items read per query. The overdue split and the filters apply after DynamoDB's limit, so
     * reading a full 100 (or 1 MB) per query keeps the number of round trips small; what a page does
     * not show is read again by the next page.
     */
    static final int READ_SIZE = 100;
    /** How often a command decides again when its write lost to a concurrent one. */
    static final int ATTEMPTS = 3;

    private final ReferralRepository referrals;
    private final IntakeRepository intakes;
    private final Clock clock;
    private final Duration lease;
    private final CursorSigner cursors;
    private final ClinicMetrics metrics;

    public ReferralService(ReferralRepository referrals, IntakeRepository intakes, Clock clock, Duration lease,
                           byte[] cursorKey, ClinicMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.referrals = Objects.requireNonNull(referrals, "referrals");
        this.intakes = Objects.requireNonNull(intakes, "intakes");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lease = Objects.requireNonNull(lease, "lease");
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive");
        }
        this.cursors = new CursorSigner(cursorKey);
    }

    String now() {
        return Timestamps.of(clock.instant());
    }

    // ---- worklist ---------------------------------------------------------------------------

    /** One worklist page, with the time its overdue split was made at and where the next page starts. */
    public record WorklistPage(List<ReferralRecord> items, String asOf, String nextCursor) {
    }

    /**
     * Keyset paging over the segments of {@link WorklistCursor}: each band of {@link Band#IN_ORDER},
     * its overdue referrals first, each segment in priority-key order. The cursor holds asOf (fixed
     * at the first page, so no referral changes segment while a client pages), the segment and the
     * last index key read: a referral is never listed twice, and ones that arrive later appear if
     * they sort after the cursor.
     */
    public WorklistPage worklist(WorklistQuery query) {
        String filterHash = query.filterHash();
        String asOf;
        int segment;
        Map<String, AttributeValue> startKey;
        if (query.cursor() != null) {
            WorklistCursor cursor = WorklistCursor.decode(query.cursor(), cursors, clock.instant());
            if (!cursor.filterHash().equals(filterHash)) {
                throw WorklistCursor.invalid("The cursor belongs to a listing with other filters; "
                        + "send the same filters as for the first page, or start again without a cursor.");
            }
            asOf = cursor.asOf();
            segment = cursor.segment();
            startKey = cursor.startKey();
        } else {
            asOf = now();
            segment = 0;
            startKey = null;
        }
        List<ReferralRecord> items = new ArrayList<>(query.limit());
        int queries = 0;
        while (segment < WorklistCursor.SEGMENTS && items.size() < query.limit() && queries < MAX_QUERIES_PER_PAGE) {
            int remaining = query.limit() - items.size();
            ReferralRepository.Segment page = referrals.worklistSegment(WorklistCursor.band(segment),
                    WorklistCursor.overdue(segment), asOf, query.filter(), startKey, READ_SIZE);
            queries++;
            if (page.items().size() > remaining) {
                // the page is full inside this index page: continue after the last referral shown
                List<ReferralRecord> taken = page.items().subList(0, remaining);
                items.addAll(taken);
                ReferralRecord last = taken.get(taken.size() - 1);
                startKey = ReferralRepository.indexKey(last.referralId(), last.priorityKey());
                break;
            }
            items.addAll(page.items());
            if (page.lastEvaluatedKey() == null || page.lastEvaluatedKey().isEmpty()) {
                segment++;
                startKey = null;
            } else {
                startKey = page.lastEvaluatedKey();
            }
        }
        String next = segment >= WorklistCursor.SEGMENTS ? null
                : WorklistCursor.at(asOf, segment, startKey, filterHash).encode(cursors);
        return new WorklistPage(List.copyOf(items), asOf, next);
    }

    // ---- detail ------------------------------------------------------------------------------

    /** A referral with its intake (null when the intake is missing) and its audit trail, oldest first. */
    public record Detail(ReferralRecord referral, IntakeRecord intake, List<AuditEntry> audit) {
    }

    /**
     * The referral, its intake and its trail; the read is recorded (VIEWED) in the audit table,
     * without writing the referral (its version stays).
     */
    public Detail view(String referralId, Coordinator me) {
        requireUuid(referralId);
        ReferralRecord referral = referrals.get(referralId).orElseThrow(ApiProblem::notFound);
        referrals.appendAudit(referral, Referral.view(me.username(), clock.instant()));
        IntakeRecord intake = referral.intakeId() == null ? null : intakes.get(referral.intakeId()).orElse(null);
        return new Detail(referral, intake, referrals.trail(referral));
    }

    /** A referral and its intake (null when missing), for the FHIR export. */
    public record Export(ReferralRecord referral, IntakeRecord intake) {
    }

    /**
     * The referral and its intake for GET /referrals/{id}/fhir; the read is recorded (FHIR_EXPORTED)
     * in the audit table, without writing the referral.
     */
    public Export export(String referralId, Coordinator me) {
        requireUuid(referralId);
        ReferralRecord referral = referrals.get(referralId).orElseThrow(ApiProblem::notFound);
        referrals.appendAudit(referral, AuditEntry.builder().at(Timestamps.of(clock.instant()))
                .actor(me.username()).action(io.spineintake.platform.referrals.AuditAction.FHIR_EXPORTED).build());
        IntakeRecord intake = referral.intakeId() == null ? null : intakes.get(referral.intakeId()).orElse(null);
        return new Export(referral, intake);
    }

    // ---- claim, release, decide --------------------------------------------------------------

    /** Takes (or, for its holder, extends) the lease: the referral is open and nobody else holds a live one. */
    public ReferralRecord claim(String referralId, Coordinator me) {
        return command(referralId, r -> Referral.claim(r, me.username(), clock.instant(), lease));
    }

    /** Gives the referral back (status NEW); only its holder, while the lease is live. */
    public ReferralRecord release(String referralId, Coordinator me) {
        return command(referralId, r -> Referral.release(r, me.username(), clock.instant()));
    }

    /**
     * Records the decision made on {@code expectedVersion} (If-Match) by the coordinator who holds a
     * live claim, with an outcome the disposition (as overridden, if it is) allows.
     */
    public ReferralRecord decide(String referralId, Coordinator me, long expectedVersion, Referral.Decision decision) {
        return command(referralId, r -> Referral.decide(r, me.username(), clock.instant(), expectedVersion, decision));
    }

    private ReferralRecord command(String referralId, Function<ReferralRecord, Referral.Result> decide) {
        requireUuid(referralId);
        for (int attempt = 1; ; attempt++) {
            ReferralRecord current = referrals.get(referralId).orElseThrow(ApiProblem::notFound);
            Referral.Result result = decide.apply(current);
            if (result instanceof Referral.Refusal refusal) {
                throw ApiProblem.refused(refusal);
            }
            Optional<ReferralRecord> written = referrals.apply((Referral.Change) result);
            if (written.isPresent()) {
                measure((Referral.Change) result);
                return written.get();
            }
            if (attempt >= ATTEMPTS) {
                // the referral keeps changing under us: let the coordinator try again
                throw ApiProblem.of(409, ApiProblem.CLAIMED_BY_ANOTHER, "Referral is changing",
                        "The referral changed while this request was being recorded; read it again and retry.");
            }
        }
    }

    /** Time to the first claim (a claim of the referral as created) and to the decision, per band. */
    private void measure(Referral.Change change) {
        ReferralRecord before = change.before();
        ReferralRecord after = change.after();
        after.band().ifPresent(band -> {
            Instant created = Instant.parse(after.createdAt());
            if (before.version() == 1L && after.status() == ReferralStatus.IN_REVIEW) {
                metrics.elapsed(ClinicMetrics.Metric.TIME_TO_CLAIM, ClinicMetrics.BAND, band,
                        Duration.between(created, Instant.parse(after.lastEntry().at())));
            }
            if (before.decidedAt() == null && after.decidedAt() != null) {
                metrics.elapsed(ClinicMetrics.Metric.TIME_TO_DECISION, ClinicMetrics.BAND, band,
                        Duration.between(created, Instant.parse(after.decidedAt())));
            }
        });
    }

    // ---- statistics --------------------------------------------------------------------------

    /** The windows time to decision is reported over, by name: the last 7 and the last 30 days up to now. */
    static final Map<String, Duration> DECISION_WINDOWS = windows();

    private static Map<String, Duration> windows() {
        Map<String, Duration> w = new java.util.LinkedHashMap<>();
        w.put("last7Days", Duration.ofDays(7));
        w.put("last30Days", Duration.ofDays(30));
        return java.util.Collections.unmodifiableMap(w);
    }

    /**
     * Time to decision of the referrals of one band decided in a window: how many, and the median
     * and 90th percentile of decidedAt minus submittedAt in seconds (nearest rank; null when none).
     */
    public record DecisionTimes(long decided, Long medianSeconds, Long p90Seconds) {
        /** Over these durations in seconds, in any order. */
        static DecisionTimes of(List<Long> seconds) {
            List<Long> sorted = seconds.stream().sorted().toList();
            return new DecisionTimes(sorted.size(), percentile(sorted, 50), percentile(sorted, 90));
        }
    }

    /**
     * The nearest-rank percentile of sorted values: the smallest value with at least {@code p}
     * percent of the values at or below it (the median of 1, 2, 3, 4 is 2); null for no values.
     */
    static Long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    /**
     * Counts over every referral; for the open ones the oldest wait per band and the number overdue
     * (in all and per band); for the decided ones the time to decision per band over each window of
     * {@link #DECISION_WINDOWS}.
     */
    public record Stats(String asOf, long total, Map<ReferralStatus, Long> byStatus, Map<Disposition, Long> byDisposition,
                        long open, long overdue, Map<Disposition, Long> overdueByDisposition,
                        Map<Disposition, Long> oldestWaitingSeconds,
                        Map<String, Map<Disposition, DecisionTimes>> timeToDecision) {
    }

    public Stats stats() {
        Instant now = clock.instant();
        String nowTs = Timestamps.of(now);
        Map<ReferralStatus, Long> byStatus = new EnumMap<>(ReferralStatus.class);
        for (ReferralStatus s : ReferralStatus.values()) {
            byStatus.put(s, 0L);
        }
        Map<Disposition, Long> byDisposition = new EnumMap<>(Disposition.class);
        for (Disposition d : Disposition.values()) {
            byDisposition.put(d, 0L);
        }
        Map<Disposition, Long> oldest = new EnumMap<>(Disposition.class);
        Map<Disposition, Long> overdueByBand = new EnumMap<>(Disposition.class);
        Band.IN_ORDER.forEach(b -> {
            oldest.put(b.disposition(), null);
            overdueByBand.put(b.disposition(), 0L);
        });
        Map<String, Map<Disposition, List<Long>>> decisionSeconds = new java.util.LinkedHashMap<>();
        DECISION_WINDOWS.keySet().forEach(w -> {
            Map<Disposition, List<Long>> perBand = new EnumMap<>(Disposition.class);
            Band.IN_ORDER.forEach(b -> perBand.put(b.disposition(), new ArrayList<>()));
            decisionSeconds.put(w, perBand);
        });
        long[] counts = new long[3]; // total, open, overdue
        referrals.forEach(r -> {
            counts[0]++;
            if (r.status() != null) {
                byStatus.merge(r.status(), 1L, Long::sum);
            }
            if (r.disposition() != null) {
                byDisposition.merge(r.disposition(), 1L, Long::sum);
            }
            Optional<Band> band = r.band();
            if (!r.open()) {
                if (r.status() == ReferralStatus.DECIDED && band.isPresent()) {
                    decisionTime(r, now).ifPresent(t -> DECISION_WINDOWS.forEach((w, length) -> {
                        if (t.decidedAt().isAfter(now.minus(length))) {
                            decisionSeconds.get(w).get(band.get().disposition()).add(t.seconds());
                        }
                    }));
                }
                return;
            }
            counts[1]++;
            if (r.dueAt() != null && r.dueAt().compareTo(nowTs) <= 0) {
                counts[2]++;
                band.ifPresent(b -> overdueByBand.merge(b.disposition(), 1L, Long::sum));
            }
            if (band.isPresent() && r.submittedAt() != null) {
                try {
                    long waited = Math.max(0, Duration.between(Instant.parse(r.submittedAt()), now).getSeconds());
                    oldest.merge(band.get().disposition(), waited, Math::max);
                } catch (DateTimeParseException e) {
                    // a malformed timestamp cannot say how long it waited; it still counts above
                }
            }
        });
        Map<String, Map<Disposition, DecisionTimes>> timeToDecision = new java.util.LinkedHashMap<>();
        decisionSeconds.forEach((w, perBand) -> {
            Map<Disposition, DecisionTimes> times = new EnumMap<>(Disposition.class);
            perBand.forEach((d, seconds) -> times.put(d, DecisionTimes.of(seconds)));
            timeToDecision.put(w, times);
        });
        return new Stats(nowTs, counts[0], byStatus, byDisposition, counts[1], counts[2], overdueByBand, oldest,
                timeToDecision);
    }

    private record DecisionTime(Instant decidedAt, long seconds) {
    }

    /** When a closed referral was decided and how long after its submission; empty when a time is missing or malformed, or in the future. */
    private static Optional<DecisionTime> decisionTime(ReferralRecord r, Instant now) {
        if (r.decidedAt() == null || r.submittedAt() == null) {
            return Optional.empty();
        }
        try {
            Instant decided = Instant.parse(r.decidedAt());
            if (decided.isAfter(now)) {
                return Optional.empty();
            }
            return Optional.of(new DecisionTime(decided,
                    Math.max(0, Duration.between(Instant.parse(r.submittedAt()), decided).getSeconds())));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** Referral ids are UUIDs; anything else cannot exist (404, without a table read). */
    static void requireUuid(String referralId) {
        if (referralId == null || !WorklistCursor.UUID.matcher(referralId).matches()) {
            throw ApiProblem.notFound();
        }
    }
}
