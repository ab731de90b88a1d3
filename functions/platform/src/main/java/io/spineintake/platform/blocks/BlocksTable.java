package io.spineintake.platform.blocks;

import io.spineintake.triage.Digits;
/**
 * The blocks table's shape (issue 17), shared by the coordinators' API, the diary function, the
 * code that provisions tables locally and the template check, so they cannot drift. One table,
 * three kinds of item, each written by one conditional PutItem or UpdateItem:
 *
 * <ul>
 * <li>an episode: {@code referralId} = the referral, {@code itemKey} = {@code EPISODE#<episodeId>};</li>
 * <li>a diary entry: {@code referralId} = the referral, {@code itemKey} =
 *     {@code ENTRY#<episodeId>#<minutes, 5 digits>}, so a time point is recorded once;</li>
 * <li>a diary link: {@code referralId} = {@code LINK#<SHA-256 of the capability, hex>},
 *     {@code itemKey} = {@code LINK}; it points at its referral and episode. The capability itself
 *     is stored nowhere.</li>
 * </ul>
 */
public final class BlocksTable {

    /** Table name: "&lt;stack&gt;-blocks". */
    public static final String TABLE_NAME_SUFFIX = "blocks";
    /** Partition key (S): the referral's id, or LINK#hash for a diary link. */
    public static final String REFERRAL_ID = "referralId";
    /** Sort key (S). */
    public static final String ITEM_KEY = "itemKey";

    static final String EPISODE_PREFIX = "EPISODE#";
    static final String ENTRY_PREFIX = "ENTRY#";
    static final String LINK_PREFIX = "LINK#";
    static final String LINK_ITEM_KEY = "LINK";

    private BlocksTable() {
    }

    public static String episodeKey(String episodeId) {
        return EPISODE_PREFIX + episodeId;
    }

    public static String entryKey(String episodeId, int minutes) {
        return entriesPrefix(episodeId) + Digits.zeroPadded(minutes, 5);
    }

    static String entriesPrefix(String episodeId) {
        return ENTRY_PREFIX + episodeId + "#";
    }

    public static String linkPartition(String capabilityHash) {
        return LINK_PREFIX + capabilityHash;
    }
}
