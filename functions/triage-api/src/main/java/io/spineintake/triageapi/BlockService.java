package io.spineintake.triageapi;

import io.spineintake.platform.Timestamps;
import io.spineintake.platform.blocks.BlockRepository;
import io.spineintake.platform.blocks.DiaryLinks;
import io.spineintake.platform.blocks.EntryItem;
import io.spineintake.platform.blocks.EpisodeItem;
import io.spineintake.platform.blocks.LinkItem;
import io.spineintake.platform.referrals.AuditAction;
import io.spineintake.platform.referrals.AuditEntry;
import io.spineintake.platform.referrals.ReferralRecord;
import io.spineintake.platform.referrals.ReferralRepository;
import io.spineintake.triage.block.BlockDiary;
import io.spineintake.triage.block.BlockEpisode;
import io.spineintake.triage.block.BlockRules;
import io.spineintake.triage.block.BlockVerdict;
import io.spineintake.triage.block.BookingCheck;
import io.spineintake.triage.block.Concordance;
import io.spineintake.triage.block.DiagnosticBlock;
import io.spineintake.triage.block.LcdFrequency;
import io.spineintake.triage.block.ReliefStandard;
import io.spineintake.triage.block.RfaCandidacy;
import io.spineintake.triage.block.Session;
import io.spineintake.triage.form.Region;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Block episodes, their diaries and what they decide, for coordinators (issue 17). The computation
 * is the engine's ({@link BlockDiary}, {@link LcdFrequency}); this records episodes and diary links
 * with one conditional write each and audits every change and every read on the referral's trail.
 */
public final class BlockService {
    static final String EPISODE_NOT_FOUND = ApiProblem.PREFIX + "episode-not-found";
    static final String DIARY_CLOSED = ApiProblem.PREFIX + "diary-closed";
    static final String DIARY_LINK_CHANGED = ApiProblem.PREFIX + "diary-link-changed";

    private final ReferralRepository referrals;
    private final BlockRepository blocks;
    private final BlockRules rules;
    private final ZoneId clinicZone;
    private final Clock clock;

    public BlockService(ReferralRepository referrals, BlockRepository blocks, BlockRules rules, ZoneId clinicZone, Clock clock) {
        this.referrals = Objects.requireNonNull(referrals, "referrals");
        this.blocks = Objects.requireNonNull(blocks, "blocks");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clinicZone = Objects.requireNonNull(clinicZone, "clinicZone");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    Instant now() {
        return clock.instant();
    }

    BlockRules rules() {
        return rules;
    }

    /** A recorded episode and the LCD checks that warned (empty when the booking breaks no limit). */
    record Recorded(EpisodeItem episode, List<BookingCheck> warnings) {
    }

    /** POST /referrals/{id}/blocks: one conditional PutItem of the episode, then its audit entry. */
    Recorded record(String referralId, Coordinator me, BlockRequest request) {
        ReferralRecord referral = referral(referralId);
        BlockEpisode episode = new BlockEpisode(UUID.randomUUID().toString(), request.endedAt(), request.region(),
                request.levels(), request.side(), request.anaesthetic(), request.diagnosticBlock(), request.baselineNrs());
        List<Session> others = blocks.contents(referralId).episodes().stream()
                .map(e -> Session.of(e.episode(), clinicZone)).toList();
        BookingCheck check = LcdFrequency.check(others, Session.of(episode, clinicZone), rules);
        Instant now = now();
        EpisodeItem item = EpisodeItem.of(referralId, episode, Timestamps.of(now), me.username());
        if (!blocks.putEpisode(item)) {
            throw new IllegalStateException("episode id collision");
        }
        referrals.appendAudit(referral, entry(now, me, AuditAction.BLOCK_RECORDED, episode.episodeId(),
                check.breaksLimit() ? "LCD warning: " + check.warning() : null));
        return new Recorded(item, check.breaksLimit() ? List.of(check) : List.of());
    }

    /** One episode with its entries and the engine's verdict. */
    record EpisodeResult(EpisodeItem episode, List<EntryItem> entries, BlockVerdict verdict) {
    }

    /** A concordance of the first and the second block of a region, at one threshold. */
    record RegionConcordance(Region region, String firstEpisodeId, String secondEpisodeId, Concordance concordance) {
    }

    /** GET /referrals/{id}/blocks. */
    record Overview(List<EpisodeResult> episodes, List<RfaCandidacy> rfa, List<RegionConcordance> concordance,
                    List<Session> sessions, Instant now) {
    }

    /** Every episode with its verdict, RFA candidacy and concordance per region, the LCD counts; the read is audited. */
    Overview overview(String referralId, Coordinator me) {
        ReferralRecord referral = referral(referralId);
        BlockRepository.Contents contents = blocks.contents(referralId);
        Instant now = now();
        referrals.appendAudit(referral, entry(now, me, AuditAction.BLOCKS_VIEWED, null, null));
        List<EpisodeResult> results = results(contents);
        List<BlockVerdict> verdicts = results.stream().map(EpisodeResult::verdict).toList();
        List<RfaCandidacy> rfa = new ArrayList<>();
        List<RegionConcordance> concordance = new ArrayList<>();
        for (Region region : Region.values()) {
            List<BlockVerdict> inRegion = verdicts.stream().filter(v -> v.episode().region() == region).toList();
            if (inRegion.isEmpty()) {
                continue;
            }
            rfa.add(BlockDiary.rfaCandidacy(verdicts, region, rules));
            Optional<BlockVerdict> first = first(inRegion, DiagnosticBlock.FIRST);
            Optional<BlockVerdict> second = first(inRegion, DiagnosticBlock.SECOND);
            if (first.isPresent() && second.isPresent()) {
                for (ReliefStandard standard : ReliefStandard.values()) {
                    concordance.add(new RegionConcordance(region, first.get().episode().episodeId(),
                            second.get().episode().episodeId(), BlockDiary.concordance(first.get(), second.get(), standard)));
                }
            }
        }
        List<Session> sessions = contents.episodes().stream().map(e -> Session.of(e.episode(), clinicZone)).toList();
        return new Overview(results, rfa, concordance, sessions, now);
    }

    /** Every episode, oldest first, with its entries and the engine's verdict. */
    private List<EpisodeResult> results(BlockRepository.Contents contents) {
        List<EpisodeResult> results = new ArrayList<>();
        for (EpisodeItem e : contents.episodes().stream().sorted(Comparator.comparing(EpisodeItem::ended)
                .thenComparing(EpisodeItem::episodeId)).toList()) {
            List<EntryItem> entries = contents.entriesOf(e.episodeId()).stream()
                    .sorted(Comparator.comparing(EntryItem::minutes)).toList();
            results.add(new EpisodeResult(e, entries, BlockDiary.assess(e.episode(),
                    entries.stream().map(EntryItem::entry).toList(), rules)));
        }
        return results;
    }

    /**
     * The referral's blocks for the FHIR export, unaudited here (the export records its own read,
     * FHIR_EXPORTED); the referral is known to exist.
     */
    List<io.spineintake.triageapi.fhir.ReferralBundle.Block> exportBlocks(String referralId) {
        return results(blocks.contents(referralId)).stream()
                .map(r -> new io.spineintake.triageapi.fhir.ReferralBundle.Block(r.episode().episode(),
                        r.episode().recordedBy(), r.verdict()))
                .toList();
    }

    private static Optional<BlockVerdict> first(List<BlockVerdict> verdicts, DiagnosticBlock which) {
        return verdicts.stream().filter(v -> v.episode().diagnosticBlock() == which).findFirst();
    }

    java.time.LocalDate today() {
        return now().atZone(clinicZone).toLocalDate();
    }

    /** A new diary link (shown once) and when it expires. */
    record IssuedLink(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "IssuedLink[expiresAt=" + expiresAt + "]"; // never the token
        }
    }

    /**
     * POST .../diary-link: the link item (keyed by the capability's hash) is put, then the episode's
     * current link is replaced by it in one conditional update; the previous link, if any, so
     * stops working at once, and its item is marked revoked.
     */
    IssuedLink issueLink(String referralId, String episodeId, Coordinator me) {
        ReferralRecord referral = referral(referralId);
        EpisodeItem episode = episode(referralId, episodeId);
        Instant now = now();
        Instant expiresAt = DiaryLinks.expiresAt(episode.ended());
        if (!now.isBefore(expiresAt)) {
            throw ApiProblem.of(409, DIARY_CLOSED, "Diary closed",
                    "The diary of this block closed 48 hours after the block ended; no link can be issued.");
        }
        DiaryLinks.Issued issued = DiaryLinks.issue();
        if (!blocks.putLink(LinkItem.of(issued.hash(), referralId, episodeId, now, expiresAt))) {
            throw new IllegalStateException("diary link collision");
        }
        if (!blocks.replaceCurrentLink(referralId, episodeId, episode.linkHash(), issued.hash(), now, expiresAt)) {
            throw ApiProblem.of(409, DIARY_LINK_CHANGED, "Diary link changed",
                    "The episode's diary link was changed meanwhile; read the blocks again and retry.");
        }
        if (episode.linkHash() != null) {
            blocks.markLinkRevoked(episode.linkHash(), now);
            referrals.appendAudit(referral, entry(now, me, AuditAction.DIARY_LINK_REVOKED, episodeId,
                    "replaced by a new link"));
        }
        referrals.appendAudit(referral, entry(now, me, AuditAction.DIARY_LINK_ISSUED, episodeId, null));
        return new IssuedLink(issued.token(), expiresAt);
    }

    /** DELETE .../diary-link: the episode's current link is removed (one conditional update); no link is a no-op. */
    void revokeLink(String referralId, String episodeId, Coordinator me) {
        ReferralRecord referral = referral(referralId);
        for (int attempt = 0; attempt < 3; attempt++) {
            EpisodeItem episode = episode(referralId, episodeId);
            if (episode.linkHash() == null) {
                return;
            }
            Instant now = now();
            if (blocks.removeCurrentLink(referralId, episodeId, episode.linkHash(), now)) {
                blocks.markLinkRevoked(episode.linkHash(), now);
                referrals.appendAudit(referral, entry(now, me, AuditAction.DIARY_LINK_REVOKED, episodeId, null));
                return;
            }
        }
        throw ApiProblem.of(409, DIARY_LINK_CHANGED, "Diary link changed",
                "The episode's diary link kept changing; read the blocks again and retry.");
    }

    private ReferralRecord referral(String referralId) {
        ReferralService.requireUuid(referralId);
        return referrals.get(referralId).orElseThrow(ApiProblem::notFound);
    }

    private EpisodeItem episode(String referralId, String episodeId) {
        if (episodeId == null || !WorklistCursor.UUID.matcher(episodeId).matches()) {
            throw episodeNotFound();
        }
        return blocks.episode(referralId, episodeId).orElseThrow(BlockService::episodeNotFound);
    }

    private static ApiProblem episodeNotFound() {
        return ApiProblem.of(404, EPISODE_NOT_FOUND, "Block not found", "This referral has no block episode with this id.");
    }

    private static AuditEntry entry(Instant now, Coordinator me, AuditAction action, String episodeId, String note) {
        return AuditEntry.builder().at(Timestamps.of(now)).actor(me.username()).action(action)
                .episodeId(episodeId).note(note).build();
    }
}
