package io.spineintake.triageapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spineintake.platform.Json;
import io.spineintake.platform.http.Problem;
import io.spineintake.platform.referrals.Band;
import io.spineintake.platform.referrals.ReferralRecord;
import io.spineintake.platform.referrals.ReferralRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where the next worklist page starts: the time the overdue split was made at ({@code asOf}, fixed
 * at the first page), the segment (a band of {@link Band#IN_ORDER}, overdue or not), the last key read in it (the worklist
 * index's key: referralId, worklist, priorityKey; null at the start of a segment) and a hash of the
 * filters. Sent to clients as base64url JSON with an HMAC ({@link CursorSigner}); opaque to them.
 * Any edit breaks the HMAC and is refused (400 invalid-cursor); a cursor whose listing started more
 * than {@link #MAX_AGE} ago is refused too (400 cursor-expired): its overdue split is stale.
 */
record WorklistCursor(String asOf, int segment, String referralId, String priorityKey, String filterHash) {

    static final int VERSION = 1;
    /** Every band, each split into overdue and not overdue. */
    static final int SEGMENTS = Band.IN_ORDER.size() * 2;
    static final int MAX_ENCODED_LENGTH = 1024;
    /** How long a listing may be paged through from its first page (asOf). */
    static final Duration MAX_AGE = Duration.ofMinutes(15);
    /** Clock skew between function instances that a fresh cursor may show. */
    static final Duration SKEW = Duration.ofMinutes(1);

    static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern PRIORITY_KEY = Pattern.compile("[0-9][\\x21-\\x7e]{0,63}");
    private static final Pattern HASH = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static final ObjectMapper JSON = Json.strict();

    static Band band(int segment) {
        return Band.IN_ORDER.get(segment / 2);
    }

    /** Even segments hold the band's overdue referrals, odd ones the rest. */
    static boolean overdue(int segment) {
        return segment % 2 == 0;
    }

    /** The ExclusiveStartKey of the worklist index query, or null at the segment's start. */
    Map<String, AttributeValue> startKey() {
        if (referralId == null) {
            return null;
        }
        return ReferralRepository.indexKey(referralId, priorityKey);
    }

    /** A cursor after {@code key} (a LastEvaluatedKey or an item's index key), or at the segment's start when null. */
    static WorklistCursor at(String asOf, int segment, Map<String, AttributeValue> key, String filterHash) {
        if (key == null || key.isEmpty()) {
            return new WorklistCursor(asOf, segment, null, null, filterHash);
        }
        return new WorklistCursor(asOf, segment, key.get(ReferralRecord.REFERRAL_ID).s(),
                key.get(ReferralRecord.PRIORITY_KEY).s(), filterHash);
    }

    String encode(CursorSigner signer) {
        ObjectNode n = JSON.createObjectNode();
        n.put("v", VERSION);
        n.put("asOf", asOf);
        n.put("seg", segment);
        if (referralId != null) {
            ObjectNode k = n.putObject("key");
            k.put(ReferralRecord.REFERRAL_ID, referralId);
            k.put(ReferralRecord.WORKLIST, ReferralRecord.OPEN);
            k.put(ReferralRecord.PRIORITY_KEY, priorityKey);
        }
        n.put("f", filterHash);
        try {
            return signer.sign(JSON.writeValueAsBytes(n));
        } catch (IOException e) {
            throw new IllegalStateException("cursor not serialisable", e);
        }
    }

    /**
     * @throws ApiProblem 400 invalid-cursor for anything this API did not sign, 400 cursor-expired for
     *         a listing started more than {@link #MAX_AGE} before {@code now}
     */
    static WorklistCursor decode(String encoded, CursorSigner signer, Instant now) {
        if (encoded == null || encoded.isEmpty() || encoded.length() > MAX_ENCODED_LENGTH) {
            throw invalid();
        }
        byte[] payload = signer.verify(encoded).orElseThrow(WorklistCursor::invalid);
        JsonNode n;
        try {
            n = JSON.readTree(new String(payload, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw invalid();
        }
        if (n == null || !n.isObject() || !onlyFields(n, "v", "asOf", "seg", "key", "f")
                || !n.path("v").isInt() || n.path("v").intValue() != VERSION
                || !n.path("seg").isInt() || !n.path("asOf").isTextual() || !n.path("f").isTextual()) {
            throw invalid();
        }
        int segment = n.get("seg").intValue();
        String asOf = n.get("asOf").textValue();
        String hash = n.get("f").textValue();
        if (segment < 0 || segment >= SEGMENTS || !TIMESTAMP.matcher(asOf).matches() || !HASH.matcher(hash).matches()) {
            throw invalid();
        }
        Instant started;
        try {
            started = Instant.parse(asOf);
        } catch (DateTimeParseException e) {
            throw invalid();
        }
        if (started.isAfter(now.plus(SKEW))) {
            throw invalid();
        }
        if (started.isBefore(now.minus(MAX_AGE))) {
            throw ApiProblem.of(400, ApiProblem.CURSOR_EXPIRED, "Cursor expired",
                    "This listing was started more than " + MAX_AGE.toMinutes() + " minutes ago; start paging again "
                            + "from the first page (without a cursor).",
                    List.of(new Problem.FieldError(WorklistQuery.pointer("cursor"), "Expired: start again without a cursor.")));
        }
        JsonNode key = n.get("key");
        if (key == null || key.isNull()) {
            return new WorklistCursor(asOf, segment, null, null, hash);
        }
        if (!key.isObject() || key.size() != 3
                || !onlyFields(key, ReferralRecord.REFERRAL_ID, ReferralRecord.WORKLIST, ReferralRecord.PRIORITY_KEY)
                || !key.path(ReferralRecord.REFERRAL_ID).isTextual() || !key.path(ReferralRecord.PRIORITY_KEY).isTextual()
                || !ReferralRecord.OPEN.equals(key.path(ReferralRecord.WORKLIST).textValue())) {
            throw invalid();
        }
        String referralId = key.get(ReferralRecord.REFERRAL_ID).textValue();
        String priorityKey = key.get(ReferralRecord.PRIORITY_KEY).textValue();
        if (!UUID.matcher(referralId).matches() || !PRIORITY_KEY.matcher(priorityKey).matches()
                || priorityKey.charAt(0) != band(segment).prefix()) {
            throw invalid();
        }
        return new WorklistCursor(asOf, segment, referralId, priorityKey, hash);
    }

    private static boolean onlyFields(JsonNode n, String... allowed) {
        List<String> names = List.of(allowed);
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            if (!names.contains(it.next())) {
                return false;
            }
        }
        return true;
    }

    static ApiProblem invalid() {
        return invalid("The cursor is not one this API returned; start again without a cursor.");
    }

    static ApiProblem invalid(String detail) {
        return ApiProblem.of(400, ApiProblem.INVALID_CURSOR, "Invalid cursor", detail,
                List.of(new Problem.FieldError(WorklistQuery.pointer("cursor"), detail)));
    }
}
