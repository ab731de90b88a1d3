package io.spineintake.platform.blocks;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import io.spineintake.platform.Timestamps;
import io.spineintake.triage.block.BlockEpisode;
import io.spineintake.triage.block.DiagnosticBlock;
import io.spineintake.triage.block.SpinalLevel;
import io.spineintake.triage.form.Anaesthetic;
import io.spineintake.triage.form.Region;
import io.spineintake.triage.form.Side;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.EnumAttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A block episode as stored, with its current diary link: {@code linkHash} is the hash of the one
 * live capability (null when none), so revoking or re-issuing is one conditional update of this
 * item, and a capability is honoured only while it is the episode's current one.
 */
public record EpisodeItem(
        String referralId,
        String itemKey,
        String episodeId,
        String endedAt,
        Region region,
        List<String> levels,
        Side side,
        Anaesthetic anaesthetic,
        DiagnosticBlock diagnosticBlock,
        Integer baselineNrs,
        String recordedAt,
        String recordedBy,
        String linkHash,
        String linkIssuedAt,
        String linkExpiresAt,
        String linkRevokedAt) {

    public static final String LINK_HASH = "linkHash";
    public static final String LINK_ISSUED_AT = "linkIssuedAt";
    public static final String LINK_EXPIRES_AT = "linkExpiresAt";
    public static final String LINK_REVOKED_AT = "linkRevokedAt";

    public static final TableSchema<EpisodeItem> SCHEMA = StaticImmutableTableSchema.builder(EpisodeItem.class, B.class)
            .newItemBuilder(B::new, B::build)
            .addAttribute(String.class, a -> a.name(BlocksTable.REFERRAL_ID).getter(EpisodeItem::referralId)
                    .setter((b, v) -> b.referralId = v).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name(BlocksTable.ITEM_KEY).getter(EpisodeItem::itemKey)
                    .setter((b, v) -> b.itemKey = v).tags(primarySortKey()))
            .addAttribute(String.class, a -> a.name("episodeId").getter(EpisodeItem::episodeId).setter((b, v) -> b.episodeId = v))
            .addAttribute(String.class, a -> a.name("endedAt").getter(EpisodeItem::endedAt).setter((b, v) -> b.endedAt = v))
            .addAttribute(Region.class, a -> a.name("region").getter(EpisodeItem::region).setter((b, v) -> b.region = v)
                    .attributeConverter(EnumAttributeConverter.createWithNameAsKeys(Region.class)))
            .addAttribute(EnhancedType.listOf(String.class), a -> a.name("levels").getter(EpisodeItem::levels)
                    .setter((b, v) -> b.levels = v))
            .addAttribute(Side.class, a -> a.name("side").getter(EpisodeItem::side).setter((b, v) -> b.side = v)
                    .attributeConverter(EnumAttributeConverter.createWithNameAsKeys(Side.class)))
            .addAttribute(Anaesthetic.class, a -> a.name("anaesthetic").getter(EpisodeItem::anaesthetic)
                    .setter((b, v) -> b.anaesthetic = v)
                    .attributeConverter(EnumAttributeConverter.createWithNameAsKeys(Anaesthetic.class)))
            .addAttribute(DiagnosticBlock.class, a -> a.name("diagnosticBlock").getter(EpisodeItem::diagnosticBlock)
                    .setter((b, v) -> b.diagnosticBlock = v)
                    .attributeConverter(EnumAttributeConverter.createWithNameAsKeys(DiagnosticBlock.class)))
            .addAttribute(Integer.class, a -> a.name("baselineNrs").getter(EpisodeItem::baselineNrs).setter((b, v) -> b.baselineNrs = v))
            .addAttribute(String.class, a -> a.name("recordedAt").getter(EpisodeItem::recordedAt).setter((b, v) -> b.recordedAt = v))
            .addAttribute(String.class, a -> a.name("recordedBy").getter(EpisodeItem::recordedBy).setter((b, v) -> b.recordedBy = v))
            .addAttribute(String.class, a -> a.name(LINK_HASH).getter(EpisodeItem::linkHash).setter((b, v) -> b.linkHash = v))
            .addAttribute(String.class, a -> a.name(LINK_ISSUED_AT).getter(EpisodeItem::linkIssuedAt).setter((b, v) -> b.linkIssuedAt = v))
            .addAttribute(String.class, a -> a.name(LINK_EXPIRES_AT).getter(EpisodeItem::linkExpiresAt).setter((b, v) -> b.linkExpiresAt = v))
            .addAttribute(String.class, a -> a.name(LINK_REVOKED_AT).getter(EpisodeItem::linkRevokedAt).setter((b, v) -> b.linkRevokedAt = v))
            .build();

    /** A new episode (no link yet). */
    public static EpisodeItem of(String referralId, BlockEpisode e, String recordedAt, String recordedBy) {
        return new EpisodeItem(referralId, BlocksTable.episodeKey(e.episodeId()), e.episodeId(),
                Timestamps.of(e.injectionEnded()), e.region(), e.levels().stream().map(SpinalLevel::name).toList(), e.side(),
                e.anaesthetic(), e.diagnosticBlock(), e.baselineNrs(), recordedAt, recordedBy, null, null, null, null);
    }

    /** The engine's episode. */
    public BlockEpisode episode() {
        return new BlockEpisode(episodeId, Instant.parse(endedAt), region,
                levels.stream().map(SpinalLevel::valueOf).toList(), side, anaesthetic, diagnosticBlock, baselineNrs);
    }

    public Instant ended() {
        return Instant.parse(endedAt);
    }

    static final class B {
        String referralId;
        String itemKey;
        String episodeId;
        String endedAt;
        Region region;
        List<String> levels;
        Side side;
        Anaesthetic anaesthetic;
        DiagnosticBlock diagnosticBlock;
        Integer baselineNrs;
        String recordedAt;
        String recordedBy;
        String linkHash;
        String linkIssuedAt;
        String linkExpiresAt;
        String linkRevokedAt;

        EpisodeItem build() {
            return new EpisodeItem(referralId, itemKey, episodeId, endedAt, region, levels, side, anaesthetic,
                    diagnosticBlock, baselineNrs, recordedAt, recordedBy, linkHash, linkIssuedAt, linkExpiresAt, linkRevokedAt);
        }
    }
}
