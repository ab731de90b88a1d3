package io.spineintake.platform.blocks;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.spineintake.platform.Json;
import io.spineintake.platform.Timestamps;
import io.spineintake.triage.block.DiaryEntry;
import io.spineintake.triage.block.MovementNote;
import io.spineintake.triage.block.TimePoint;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * One diary entry as stored: one item per episode and time point (the key makes a point recorded
 * once), with the hash of the Idempotency-Key it was sent with and of its body, so a retry with the
 * same key gets the same answer and another body with that key is refused.
 */
public record EntryItem(
        String referralId,
        String itemKey,
        String episodeId,
        Integer minutes,
        Integer nrs,
        String movementsJson,
        String receivedAt,
        Boolean late,
        String idempotencyKeyHash,
        String requestHash) {

    private static final TypeReference<List<MovementNote>> NOTES = new TypeReference<>() {
    };

    public static final TableSchema<EntryItem> SCHEMA = StaticImmutableTableSchema.builder(EntryItem.class, B.class)
            .newItemBuilder(B::new, B::build)
            .addAttribute(String.class, a -> a.name(BlocksTable.REFERRAL_ID).getter(EntryItem::referralId)
                    .setter((b, v) -> b.referralId = v).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name(BlocksTable.ITEM_KEY).getter(EntryItem::itemKey)
                    .setter((b, v) -> b.itemKey = v).tags(primarySortKey()))
            .addAttribute(String.class, a -> a.name("episodeId").getter(EntryItem::episodeId).setter((b, v) -> b.episodeId = v))
            .addAttribute(Integer.class, a -> a.name("minutes").getter(EntryItem::minutes).setter((b, v) -> b.minutes = v))
            .addAttribute(Integer.class, a -> a.name("nrs").getter(EntryItem::nrs).setter((b, v) -> b.nrs = v))
            .addAttribute(String.class, a -> a.name("movementsJson").getter(EntryItem::movementsJson).setter((b, v) -> b.movementsJson = v))
            .addAttribute(String.class, a -> a.name("receivedAt").getter(EntryItem::receivedAt).setter((b, v) -> b.receivedAt = v))
            .addAttribute(Boolean.class, a -> a.name("late").getter(EntryItem::late).setter((b, v) -> b.late = v))
            .addAttribute(String.class, a -> a.name("idempotencyKeyHash").getter(EntryItem::idempotencyKeyHash)
                    .setter((b, v) -> b.idempotencyKeyHash = v))
            .addAttribute(String.class, a -> a.name("requestHash").getter(EntryItem::requestHash).setter((b, v) -> b.requestHash = v))
            .build();

    public static EntryItem of(String referralId, String episodeId, DiaryEntry e, String idempotencyKeyHash, String requestHash) {
        try {
            return new EntryItem(referralId, BlocksTable.entryKey(episodeId, e.point().minutesAfter()), episodeId,
                    e.point().minutesAfter(), e.nrs(), Json.mapper().writeValueAsString(e.movements()),
                    Timestamps.of(e.receivedAt()), e.late(), idempotencyKeyHash, requestHash);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("movement notes not serialisable", ex);
        }
    }

    /** The engine's entry. */
    public DiaryEntry entry() {
        try {
            return new DiaryEntry(TimePoint.minutes(minutes), nrs, Instant.parse(receivedAt), Boolean.TRUE.equals(late),
                    Json.mapper().readValue(movementsJson, NOTES));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored movement notes are not JSON", ex);
        }
    }

    static final class B {
        String referralId;
        String itemKey;
        String episodeId;
        Integer minutes;
        Integer nrs;
        String movementsJson;
        String receivedAt;
        Boolean late;
        String idempotencyKeyHash;
        String requestHash;

        EntryItem build() {
            return new EntryItem(referralId, itemKey, episodeId, minutes, nrs, movementsJson, receivedAt, late,
                    idempotencyKeyHash, requestHash);
        }
    }
}
