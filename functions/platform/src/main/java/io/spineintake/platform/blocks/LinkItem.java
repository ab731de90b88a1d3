package io.spineintake.platform.blocks;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import io.spineintake.platform.Timestamps;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A diary link, keyed by the SHA-256 of its capability (never the capability): which referral and
 * episode it opens, until when, and whether it was revoked. Holds no patient data.
 */
public record LinkItem(
        String referralId,
        String itemKey,
        String targetReferralId,
        String episodeId,
        String issuedAt,
        String expiresAt,
        Boolean revoked,
        String revokedAt) {

    public static final TableSchema<LinkItem> SCHEMA = StaticImmutableTableSchema.builder(LinkItem.class, B.class)
            .newItemBuilder(B::new, B::build)
            .addAttribute(String.class, a -> a.name(BlocksTable.REFERRAL_ID).getter(LinkItem::referralId)
                    .setter((b, v) -> b.referralId = v).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name(BlocksTable.ITEM_KEY).getter(LinkItem::itemKey)
                    .setter((b, v) -> b.itemKey = v).tags(primarySortKey()))
            .addAttribute(String.class, a -> a.name("targetReferralId").getter(LinkItem::targetReferralId)
                    .setter((b, v) -> b.targetReferralId = v))
            .addAttribute(String.class, a -> a.name("episodeId").getter(LinkItem::episodeId).setter((b, v) -> b.episodeId = v))
            .addAttribute(String.class, a -> a.name("issuedAt").getter(LinkItem::issuedAt).setter((b, v) -> b.issuedAt = v))
            .addAttribute(String.class, a -> a.name("expiresAt").getter(LinkItem::expiresAt).setter((b, v) -> b.expiresAt = v))
            .addAttribute(Boolean.class, a -> a.name("revoked").getter(LinkItem::revoked).setter((b, v) -> b.revoked = v))
            .addAttribute(String.class, a -> a.name("revokedAt").getter(LinkItem::revokedAt).setter((b, v) -> b.revokedAt = v))
            .build();

    public static LinkItem of(String capabilityHash, String referralId, String episodeId, Instant issuedAt, Instant expiresAt) {
        return new LinkItem(BlocksTable.linkPartition(capabilityHash), BlocksTable.LINK_ITEM_KEY, referralId, episodeId,
                Timestamps.of(issuedAt), Timestamps.of(expiresAt), false, null);
    }

    public Instant expires() {
        return Instant.parse(expiresAt);
    }

    static final class B {
        String referralId;
        String itemKey;
        String targetReferralId;
        String episodeId;
        String issuedAt;
        String expiresAt;
        Boolean revoked;
        String revokedAt;

        LinkItem build() {
            return new LinkItem(referralId, itemKey, targetReferralId, episodeId, issuedAt, expiresAt, revoked, revokedAt);
        }
    }
}
