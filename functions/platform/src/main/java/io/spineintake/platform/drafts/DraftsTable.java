package io.spineintake.platform.drafts;

/**
 * The intake drafts table's shape ("save and come back later"), shared by the intake-drafts function,
 * the code that provisions tables locally and the template check, so the three cannot drift.
 * A draft is keyed by a hash of its resume code, never by the code itself.
 */
public final class DraftsTable {

    /** Table name: "&lt;stack&gt;-intake-drafts". */
    public static final String TABLE_NAME_SUFFIX = "intake-drafts";
    /** Partition key (S): SHA-256 of the normalised resume code, hex. */
    public static final String DRAFT_KEY = "draftKey";
    /** Epoch seconds after which DynamoDB may delete the item (TTL); the code checks expiry itself. */
    public static final String TTL = "ttl";

    private DraftsTable() {
    }
}
