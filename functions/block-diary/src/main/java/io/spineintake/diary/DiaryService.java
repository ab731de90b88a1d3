package io.spineintake.diary;

import com.fasterxml.jackson.databind.JsonNode;
import io.spineintake.platform.Json;
import io.spineintake.platform.Timestamps;
import io.spineintake.platform.blocks.BlockRepository;
import io.spineintake.platform.blocks.DiaryLinks;
import io.spineintake.platform.blocks.DiarySchedule;
import io.spineintake.platform.blocks.EntryItem;
import io.spineintake.platform.blocks.EpisodeItem;
import io.spineintake.platform.blocks.LinkItem;
import io.spineintake.platform.http.Problem;
import io.spineintake.platform.http.Problem.FieldError;
import io.spineintake.platform.intakes.IntakeRecord;
import io.spineintake.platform.intakes.IntakeRepository;
import io.spineintake.platform.referrals.AuditAction;
import io.spineintake.platform.referrals.AuditEntry;
import io.spineintake.platform.referrals.ReferralRecord;
import io.spineintake.platform.referrals.ReferralRepository;
import io.spineintake.triage.block.BlockRules;
import io.spineintake.triage.block.DiaryEntry;
import io.spineintake.triage.block.Movement;
import io.spineintake.triage.form.Movements;
import java.util.ArrayList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The patient's diary through a diary link. The link opens exactly one episode: every read and
 * write is keyed by the referral and episode its stored item names, never by anything the request
 * says. A link works while it is its episode's current link, not revoked and not expired.
 *
 * <p>An entry is one conditional PutItem keyed by episode and time point, carrying hashes of its
 * Idempotency-Key and of its content: a retry with the key gets the stored answer, another body
 * with the key is 422, a point recorded under another key is 409.
 */
final class DiaryService {
    static final String PREFIX = "urn:spine-intake:problem:";
    static final String LINK_NOT_RECOGNISED = PREFIX + "diary-link-not-recognised";
    /** Two 410 types, so a page tells the patient which without reading the detail's English. */
    static final String LINK_WITHDRAWN = PREFIX + "diary-link-withdrawn";
    static final String LINK_EXPIRED = PREFIX + "diary-link-expired";
    static final String INVALID_ENTRY = PREFIX + "invalid-diary-entry";
    static final String MALFORMED_BODY = PREFIX + "malformed-body";
    static final String ALREADY_RECORDED = PREFIX + "time-point-already-recorded";
    static final String KEY_REUSED = PREFIX + "idempotency-key-reused";
    static final String PATIENT = "patient";

    private final BlockRepository blocks;
    private final ReferralRepository referrals;
    private final IntakeRepository intakes;
    private final BlockRules rules;
    private final Clock clock;

    DiaryService(BlockRepository blocks, ReferralRepository referrals, IntakeRepository intakes, BlockRules rules, Clock clock) {
        this.blocks = blocks;
        this.referrals = referrals;
        this.intakes = intakes;
        this.rules = rules;
        this.clock = clock;
    }

    /** An open diary: the link's item and its episode. */
    record Access(LinkItem link, EpisodeItem episode) {
        String referralId() {
            return link.targetReferralId();
        }
    }

    /** The diary a link opens, or why not: exactly one of the two is set. */
    record Opening(Access access, Problem refusal) {
    }

    /** The diary a link opens, or the refusal (401 unknown or malformed, 410 revoked or expired), with no episode data. */
    Opening open(Optional<String> token, Instant now) {
        if (token.isEmpty()) {
            return new Opening(null, notRecognised());
        }
        String hash = DiaryLinks.hash(token.get());
        Optional<LinkItem> link = blocks.link(hash);
        Optional<EpisodeItem> episode = link.flatMap(l -> blocks.episode(l.targetReferralId(), l.episodeId()));
        if (episode.isEmpty()) {
            return new Opening(null, notRecognised());
        }
        if (Boolean.TRUE.equals(link.get().revoked()) || !hash.equals(episode.get().linkHash())) {
            return new Opening(null, ended(LINK_WITHDRAWN, "This diary link has been replaced or withdrawn by the clinic."
                    + " Please ask the clinic for a new one."));
        }
        if (!now.isBefore(link.get().expires())) {
            return new Opening(null, ended(LINK_EXPIRED, "This diary link has expired: the diary closes 48 hours after the block."));
        }
        return new Opening(new Access(link.get(), episode.get()), null);
    }

    DiaryViews.Diary diary(Access access, Instant now) {
        List<EntryItem> entries = blocks.entries(access.referralId(), access.episode().episodeId());
        return DiaryViews.Diary.of(access.episode(), DiarySchedule.windows(rules, access.episode().ended()),
                movements(access), entries, now);
    }

    DiaryOutcome record(Access access, String idempotencyKey, byte[] body, Instant now) {
        List<Movement> allowed = movements(access);
        EntryRequest.Parsed parsed = EntryRequest.parse(body, rules, allowed);
        if (parsed.malformed()) {
            return refused(Problem.of(400, "Malformed body", "The request body must be one JSON object.")
                    .withType(MALFORMED_BODY).withErrors(parsed.errors()));
        }
        if (!parsed.errors().isEmpty()) {
            return refused(invalid(parsed.errors()));
        }
        EntryRequest request = parsed.request();
        String keyHash = sha256("idempotency-key " + idempotencyKey);
        String requestHash = sha256(request.canonical());
        String referralId = access.referralId();
        String episodeId = access.episode().episodeId();
        List<EntryItem> recorded = blocks.entries(referralId, episodeId);
        Optional<DiaryOutcome> replay = recorded.stream().filter(e -> keyHash.equals(e.idempotencyKeyHash())).findFirst()
                .map(e -> replay(e, requestHash));
        if (replay.isPresent()) {
            return replay.get();
        }
        int minutes = request.timePoint().minutesAfter();
        if (recorded.stream().anyMatch(e -> e.minutes() == minutes)) {
            return alreadyRecorded();
        }
        DiarySchedule.Window window = DiarySchedule.window(rules, access.episode().ended(), minutes).orElseThrow();
        if (now.isBefore(window.opensAt())) {
            return refused(invalid(List.of(new FieldError("/timePoint", "This time point opens at "
                    + Timestamps.of(window.opensAt()) + "; record it then."))));
        }
        if (!window.accepts(now)) {
            return refused(invalid(List.of(new FieldError("/timePoint",
                    "This time point was missed: it stays missing. Record the next one when it is due."))));
        }
        DiaryEntry entry = new DiaryEntry(request.timePoint(), request.nrs(), now, window.late(now), request.movements());
        EntryItem item = EntryItem.of(referralId, episodeId, entry, keyHash, requestHash);
        if (!blocks.putEntry(item)) {
            // a concurrent request recorded the point first: its key decides
            return blocks.entry(referralId, episodeId, minutes)
                    .filter(e -> keyHash.equals(e.idempotencyKeyHash())).map(e -> replay(e, requestHash))
                    .orElseGet(DiaryService::alreadyRecorded);
        }
        referrals.get(referralId).ifPresent(r -> referrals.appendAudit(r, AuditEntry.builder()
                .at(Timestamps.of(now)).actor(PATIENT).action(AuditAction.DIARY_ENTRY_RECORDED)
                .episodeId(episodeId).note("time point " + request.timePoint().label() + (entry.late() ? ", late" : ""))
                .build()));
        return new DiaryOutcome.Answered(201, DiaryViews.Entry.of(item));
    }

    private static DiaryOutcome replay(EntryItem stored, String requestHash) {
        if (!requestHash.equals(stored.requestHash())) {
            return refused(Problem.of(422, "Idempotency-Key reused",
                    "This Idempotency-Key was sent before with another entry; send a new entry with a new key.")
                    .withType(KEY_REUSED).withErrors(List.of(new FieldError("", "Another entry was sent with this key."))));
        }
        return new DiaryOutcome.Answered(201, DiaryViews.Entry.of(stored));
    }

    private static DiaryOutcome alreadyRecorded() {
        return refused(Problem.of(409, "Time point already recorded",
                "This time point has an entry already; each point is recorded once.").withType(ALREADY_RECORDED)
                .withErrors(List.of(new FieldError("/timePoint", "This time point has an entry already."))));
    }

    /**
     * What the patient's intake said makes the pain worse (the form's {@code pain.regions[].worseWith},
     * the engine's {@link Movements}), in the block's region; every region's when none matches.
     */
    List<Movement> movements(Access access) {
        Optional<JsonNode> form = referrals.get(access.referralId()).map(ReferralRecord::intakeId)
                .flatMap(intakes::get).map(IntakeRecord::formJson).map(DiaryService::tree);
        if (form.isEmpty()) {
            return List.of();
        }
        List<JsonNode> regions = new ArrayList<>();
        form.get().path("pain").path("regions").forEach(regions::add);
        List<JsonNode> same = regions.stream()
                .filter(r -> access.episode().region().name().equals(r.path("region").asText())).toList();
        Set<Movement> out = new LinkedHashSet<>();
        for (JsonNode r : same.isEmpty() ? regions : same) {
            JsonNode worse = r.get("worseWith");
            if (worse != null && worse.isObject()) {
                try {
                    out.addAll(Movement.aggravating(Json.mapper().treeToValue(worse, Movements.class)));
                } catch (IOException e) {
                    throw new IllegalStateException("stored intake form's movements are not readable", e);
                }
            }
        }
        return List.copyOf(out);
    }

    private static JsonNode tree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("stored intake form is not JSON", e);
        }
    }

    private static DiaryOutcome refused(Problem p) {
        return new DiaryOutcome.Refused(p);
    }

    private static Problem invalid(List<FieldError> errors) {
        return Problem.of(422, "Invalid diary entry", "Some fields of the entry are missing or not valid.")
                .withType(INVALID_ENTRY).withErrors(errors);
    }

    static Problem notRecognised() {
        return Problem.of(401, "Diary link not recognised",
                "This diary link does not work. Please check you opened the whole link, or ask the clinic for a new one.")
                .withType(LINK_NOT_RECOGNISED);
    }

    private static Problem ended(String type, String detail) {
        return Problem.of(410, "Diary link no longer works", detail).withType(type);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
