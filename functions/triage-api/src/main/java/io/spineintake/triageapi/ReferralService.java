package io.spineintake.triageapi;

import io.spineintake.platform.intakes.IntakeRecord;
import io.spineintake.platform.intakes.IntakeRepository;
import io.spineintake.platform.referrals.AuditEntry;
import io.spineintake.platform.referrals.ReferralRecord;
import io.spineintake.platform.referrals.ReferralRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the coordinators' API does, on the referrals and intakes tables. Every state change is ONE
 * conditional UpdateItem that appends its audit entry ({@link ReferralRepository#update}); when the
 * condition fails the referral is read again to say why (404, 409, 412). The clock is injected so
 * leases can be tested without waiting.
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

    private final ReferralRepository referrals;
    private final IntakeRepository intakes;
    private final Clock clock;
    private final Duration lease;
    private final CursorSigner cursors;

    public ReferralService(ReferralRepository referrals, IntakeRepository intakes, Clock clock, Duration lease,
                           byte[] cursorKey) {
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
        return IntakeRecord.timestamp(clock.instant());
    }

    // ---- worklist ---------------------------------------------------------------------------

    /** One worklist page, with the time its overdue split was made at and where the next page starts. */
    public record WorklistPage(List<ReferralRecord> items, String asOf, String nextCursor) {
    }

    /**
     * Keyset paging over the segments band "0" overdue, band "0" not overdue, band "1" overdue, ...
     * band "9" not overdue, each in priority-key order. The cursor holds asOf (fixed at the first
     * page, so no referral changes segment while a client pages), the segment and the last index key
     * read: a referral is never listed twice, and ones that arrive later appear if they sort after
     * the cursor.
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
                startKey = indexKey(taken.get(taken.size() - 1));
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

    private static Map<String, AttributeValue> indexKey(ReferralRecord r) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(ReferralRecord.REFERRAL_ID, AttributeValue.fromS(r.referralId()));
        key.put(ReferralRecord.WORKLIST, AttributeValue.fromS(ReferralRecord.OPEN));
        key.put(ReferralRecord.PRIORITY_KEY, AttributeValue.fromS(r.priorityKey()));
        return key;
    }

    // ---- detail ------------------------------------------------------------------------------

    /** A referral with its intake (null when the intake is missing). */
    public record Detail(ReferralRecord referral, IntakeRecord intake) {
    }

    /** The referral and its intake; the read is recorded (VIEWED) without changing the version. */
    public Detail view(String referralId, Coordinator me) {
        requireUuid(referralId);
        AuditEntry viewed = AuditEntry.builder().at(now()).actor(me.username()).action(AuditEntry.VIEWED).build();
        ReferralRecord referral = referrals.update(referralId, null, null, null, Map.of(), Map.of(), viewed)
                .orElseThrow(ApiProblem::notFound);
        IntakeRecord intake = referral.intakeId() == null ? null : intakes.get(referral.intakeId()).orElse(null);
        return new Detail(referral, intake);
    }

    // ---- claim and release -------------------------------------------------------------------

    /**
     * Takes (or, for its holder, extends) the lease with one conditional write: the referral is open
     * and nobody else holds a live lease.
     */
    public ReferralRecord claim(String referralId, Coordinator me) {
        requireUuid(referralId);
        for (int attempt = 0; ; attempt++) {
            Instant now = clock.instant();
            String nowTs = IntakeRecord.timestamp(now);
            String until = IntakeRecord.timestamp(now.plus(lease));
            Map<String, String> names = Map.of("#wl", ReferralRecord.WORKLIST, "#st", "status", "#lu", "leaseUntil",
                    "#as", "assignee", "#v", "version");
            Map<String, AttributeValue> values = Map.of(
                    ":open", AttributeValue.fromS(ReferralRecord.OPEN),
                    ":inReview", AttributeValue.fromS(ReferralRecord.STATUS_IN_REVIEW),
                    ":now", AttributeValue.fromS(nowTs),
                    ":me", AttributeValue.fromS(me.username()),
                    ":until", AttributeValue.fromS(until),
                    ":one", AttributeValue.fromN("1"));
            AuditEntry claimed = AuditEntry.builder().at(nowTs).actor(me.username()).action(AuditEntry.CLAIMED)
                    .status(ReferralRecord.STATUS_IN_REVIEW).assignee(me.username()).leaseUntil(until).build();
            Optional<ReferralRecord> written = referrals.update(referralId,
                    "#wl = :open AND (#st <> :inReview OR #lu <= :now OR #as = :me)",
                    "#st = :inReview, #as = :me, #lu = :until, #v = #v + :one", null, names, values, claimed);
            if (written.isPresent()) {
                return written.get();
            }
            ReferralRecord current = referrals.get(referralId).orElseThrow(ApiProblem::notFound);
            if (!ReferralRecord.OPEN.equals(current.worklist())) {
                throw ApiProblem.closed();
            }
            String readAt = now();
            if (current.claimedAt(readAt) && !me.username().equals(current.assignee())) {
                throw ApiProblem.of(409, ApiProblem.CLAIMED_BY_ANOTHER, "Claimed by another coordinator",
                        "Claimed by another coordinator (" + current.assignee() + ") until " + current.leaseUntil() + ".");
            }
            if (attempt >= 2) {
                // the referral keeps changing under us: let the coordinator try again
                throw ApiProblem.of(409, ApiProblem.CLAIMED_BY_ANOTHER, "Claimed by another coordinator",
                        "The referral changed while it was being claimed; try again.");
            }
            // the holder released it (or its lease ran out) between our write and our read: try again
        }
    }

    /** Gives the referral back (status NEW); only its holder, while the lease is live. */
    public ReferralRecord release(String referralId, Coordinator me) {
        requireUuid(referralId);
        String nowTs = now();
        Map<String, String> names = Map.of("#st", "status", "#lu", "leaseUntil", "#as", "assignee", "#v", "version");
        Map<String, AttributeValue> values = Map.of(
                ":inReview", AttributeValue.fromS(ReferralRecord.STATUS_IN_REVIEW),
                ":new", AttributeValue.fromS(ReferralRecord.STATUS_NEW),
                ":now", AttributeValue.fromS(nowTs),
                ":me", AttributeValue.fromS(me.username()),
                ":one", AttributeValue.fromN("1"));
        AuditEntry released = AuditEntry.builder().at(nowTs).actor(me.username()).action(AuditEntry.RELEASED)
                .status(ReferralRecord.STATUS_NEW).build();
        Optional<ReferralRecord> written = referrals.update(referralId,
                "#st = :inReview AND #as = :me AND #lu > :now",
                "#st = :new, #v = #v + :one", "#as, #lu", names, values, released);
        if (written.isPresent()) {
            return written.get();
        }
        ReferralRecord current = referrals.get(referralId).orElseThrow(ApiProblem::notFound);
        if (!ReferralRecord.OPEN.equals(current.worklist())) {
            throw ApiProblem.closed();
        }
        throw claimNotHeld(current, nowTs, me);
    }

    // ---- decision ----------------------------------------------------------------------------

    /**
     * Records the decision with one conditional write: the version is the one the coordinator saw
     * ({@code expectedVersion}, from If-Match) and the coordinator holds a live claim. The referral
     * is read first (for its priority key and disposition, which the version pins down).
     */
    public ReferralRecord decide(String referralId, Coordinator me, long expectedVersion, DecisionRequest decision) {
        requireUuid(referralId);
        for (int attempt = 0; ; attempt++) {
            ReferralRecord current = referrals.get(referralId).orElseThrow(ApiProblem::notFound);
            String nowTs = now();
            refuseUnlessDecidable(current, me, expectedVersion, decision, nowTs);
            Optional<ReferralRecord> written = writeDecision(current, me, expectedVersion, decision, nowTs);
            if (written.isPresent()) {
                return written.get();
            }
            if (attempt >= 1) {
                throw ApiProblem.of(409, ApiProblem.CLAIM_NOT_HELD, "Claim not held",
                        "The referral changed while the decision was being recorded; read it again.");
            }
            // changed between our read and our write: the next read says how (412, 409, 404)
        }
    }

    private void refuseUnlessDecidable(ReferralRecord current, Coordinator me, long expectedVersion,
                                       DecisionRequest decision, String nowTs) {
        if (current.version() == null || current.version() != expectedVersion) {
            throw ApiProblem.of(412, ApiProblem.VERSION_MISMATCH, "Referral has changed",
                    "The referral is at version " + current.version() + ", not the version in If-Match; "
                            + "read it again (GET /referrals/{id}) and decide on what it shows now.");
        }
        if (!ReferralRecord.OPEN.equals(current.worklist())) {
            throw ApiProblem.closed();
        }
        if (!current.claimedAt(nowTs) || !me.username().equals(current.assignee())) {
            throw claimNotHeld(current, nowTs, me);
        }
        if (DecisionRequest.ESCALATE_TO_URGENT.equals(decision.outcome())
                && (band(current.priorityKey()).equals("0") || "EMERGENCY".equals(current.disposition()))) {
            throw ApiProblem.of(409, ApiProblem.ESCALATION_NOT_APPLICABLE, "Escalation not applicable",
                    "The referral is already in the emergency band; ESCALATE_TO_URGENT would lower its priority.");
        }
        String disposition = decision.overrideDisposition() != null ? decision.overrideDisposition() : current.disposition();
        List<String> allowed = DecisionRequest.outcomesFor(disposition);
        if (!allowed.contains(decision.outcome())) {
            String detail = decision.outcome() + " is not an outcome for " + (decision.overrideDisposition() != null
                    ? "the disposition " + disposition : "an " + disposition + " referral") + "; its outcomes are "
                    + String.join(", ", allowed) + ". To decide otherwise, override the disposition "
                    + "(overrideDisposition, with overrideReason) to one that has this outcome.";
            throw ApiProblem.of(422, ApiProblem.INVALID_DECISION, "Outcome not allowed", detail,
                    List.of(new io.spineintake.platform.http.Problem.FieldError("/outcome", detail)));
        }
    }

    private Optional<ReferralRecord> writeDecision(ReferralRecord current, Coordinator me, long expectedVersion,
                                                   DecisionRequest d, String nowTs) {
        long newVersion = expectedVersion + 1;
        Map<String, String> names = new HashMap<>(Map.of("#v", "version", "#st", "status", "#as", "assignee",
                "#lu", "leaseUntil", "#out", "outcome", "#note", "note", "#dby", "decidedBy", "#dat", "decidedAt"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":expected", AttributeValue.fromN(Long.toString(expectedVersion)),
                ":inReview", AttributeValue.fromS(ReferralRecord.STATUS_IN_REVIEW),
                ":me", AttributeValue.fromS(me.username()),
                ":now", AttributeValue.fromS(nowTs),
                ":newVersion", AttributeValue.fromN(Long.toString(newVersion)),
                ":outcome", AttributeValue.fromS(d.outcome())));
        StringJoiner set = new StringJoiner(", ");
        StringJoiner remove = new StringJoiner(", ");
        set.add("#out = :outcome").add("#dby = :me").add("#dat = :now").add("#v = :newVersion").add("#st = :status");
        remove.add("#as").add("#lu");

        String status;
        String disposition = current.disposition();
        if (d.closes()) {
            status = ReferralRecord.STATUS_DECIDED;
            names.put("#wl", ReferralRecord.WORKLIST);
            remove.add("#wl");
        } else if (DecisionRequest.NEEDS_MORE_INFORMATION.equals(d.outcome())) {
            status = ReferralRecord.STATUS_WAITING_FOR_PATIENT;
        } else {
            // ESCALATE_TO_URGENT: back to the worklist, unclaimed, in the urgent band
            status = ReferralRecord.STATUS_NEW;
            disposition = "URGENT_REVIEW";
            String key = current.priorityKey() == null || current.priorityKey().isEmpty() ? "1" : "1" + current.priorityKey().substring(1);
            names.put("#disp", "disposition");
            names.put("#pk", ReferralRecord.PRIORITY_KEY);
            values.put(":urgent", AttributeValue.fromS(disposition));
            values.put(":pk", AttributeValue.fromS(key));
            set.add("#disp = :urgent").add("#pk = :pk");
        }
        values.put(":status", AttributeValue.fromS(status));
        if (d.note() != null) {
            values.put(":note", AttributeValue.fromS(d.note()));
            set.add("#note = :note");
        } else {
            remove.add("#note");
        }
        if (d.overrideDisposition() != null) {
            disposition = d.overrideDisposition();
            names.put("#disp", "disposition");
            names.put("#od", "originalDisposition");
            names.put("#or", "overrideReason");
            values.put(":override", AttributeValue.fromS(d.overrideDisposition()));
            values.put(":reason", AttributeValue.fromS(d.overrideReason()));
            set.add("#disp = :override").add("#od = if_not_exists(#od, #disp)").add("#or = :reason");
        }
        String band = switch (disposition) {
            case "EMERGENCY" -> "0";
            case "URGENT_REVIEW" -> "1";
            case "CONSULT" -> "2";
            default -> null;
        };
        if (!d.closes() && d.overrideDisposition() != null && band != null && current.priorityKey() != null
                && !current.priorityKey().isEmpty() && !current.priorityKey().startsWith(band)) {
            // an open referral whose disposition is overridden moves to that disposition's band
            names.put("#pk", ReferralRecord.PRIORITY_KEY);
            values.put(":pk", AttributeValue.fromS(band + current.priorityKey().substring(1)));
            set.add("#pk = :pk");
        }
        AuditEntry decided = AuditEntry.builder().at(nowTs).actor(me.username()).action(AuditEntry.DECIDED)
                .status(status).outcome(d.outcome()).disposition(disposition)
                .overriddenDisposition(disposition.equals(current.disposition()) ? null : current.disposition())
                .reason(d.overrideReason()).note(d.note()).version(newVersion).build();
        return referrals.update(current.referralId(),
                "#v = :expected AND #st = :inReview AND #as = :me AND #lu > :now",
                set.toString(), remove.toString(), names, values, decided);
    }

    private static ApiProblem claimNotHeld(ReferralRecord current, String nowTs, Coordinator me) {
        String detail;
        if (current.claimedAt(nowTs) && !me.username().equals(current.assignee())) {
            detail = "Claimed by another coordinator (" + current.assignee() + ") until " + current.leaseUntil() + ".";
        } else if (me.username().equals(current.assignee()) && current.leaseUntil() != null) {
            detail = "Your claim expired at " + current.leaseUntil() + "; claim the referral again.";
        } else {
            detail = "You do not hold a claim on this referral; claim it first.";
        }
        return ApiProblem.of(409, ApiProblem.CLAIM_NOT_HELD, "Claim not held", detail);
    }

    // ---- statistics --------------------------------------------------------------------------

    /** Counts over every referral, and for the open ones the oldest wait per band and the number overdue. */
    public record Stats(String asOf, long total, Map<String, Long> byStatus, Map<String, Long> byDisposition,
                        long open, long overdue, Map<String, Long> oldestWaitingSeconds) {
    }

    static final List<String> BANDS = List.of("EMERGENCY", "URGENT_REVIEW", "CONSULT");

    public Stats stats() {
        Instant now = clock.instant();
        String nowTs = IntakeRecord.timestamp(now);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (String s : List.of(ReferralRecord.STATUS_NEW, ReferralRecord.STATUS_IN_REVIEW,
                ReferralRecord.STATUS_WAITING_FOR_PATIENT, ReferralRecord.STATUS_DECIDED)) {
            byStatus.put(s, 0L);
        }
        Map<String, Long> byDisposition = new LinkedHashMap<>();
        for (String s : List.of("EMERGENCY", "URGENT_REVIEW", "CONSULT", "OTHER_PATHWAY", "CONSERVATIVE_CARE_FIRST")) {
            byDisposition.put(s, 0L);
        }
        Map<String, Long> oldest = new LinkedHashMap<>();
        BANDS.forEach(b -> oldest.put(b, null));
        long[] counts = new long[3]; // total, open, overdue
        referrals.forEach(r -> {
            counts[0]++;
            byStatus.merge(r.status() == null ? "UNKNOWN" : r.status(), 1L, Long::sum);
            byDisposition.merge(r.disposition() == null ? "UNKNOWN" : r.disposition(), 1L, Long::sum);
            if (!ReferralRecord.OPEN.equals(r.worklist())) {
                return;
            }
            counts[1]++;
            if (r.dueAt() != null && r.dueAt().compareTo(nowTs) <= 0) {
                counts[2]++;
            }
            String bandName = switch (band(r.priorityKey())) {
                case "0" -> "EMERGENCY";
                case "1" -> "URGENT_REVIEW";
                case "2" -> "CONSULT";
                default -> null;
            };
            if (bandName != null && r.submittedAt() != null) {
                try {
                    long waited = Math.max(0, Duration.between(Instant.parse(r.submittedAt()), now).getSeconds());
                    oldest.merge(bandName, waited, Math::max);
                } catch (DateTimeParseException e) {
                    // a malformed timestamp cannot say how long it waited; it still counts above
                }
            }
        });
        return new Stats(nowTs, counts[0], byStatus, byDisposition, counts[1], counts[2], oldest);
    }

    // ---- helpers -----------------------------------------------------------------------------

    static String band(String priorityKey) {
        return priorityKey == null || priorityKey.isEmpty() ? "" : priorityKey.substring(0, 1);
    }

    /** Referral ids are UUIDs; anything else cannot exist (404, without a table read). */
    static void requireUuid(String referralId) {
        if (referralId == null || !WorklistCursor.UUID.matcher(referralId).matches()) {
            throw ApiProblem.notFound();
        }
    }
}
