package io.spineintake.triageapi;

import io.spineintake.platform.http.Problem;
import io.spineintake.platform.referrals.Band;
import io.spineintake.platform.referrals.ReferralStatus;
import io.spineintake.platform.referrals.WorklistFilter;
import io.spineintake.triage.JsonPointer;
import io.spineintake.triage.assess.Disposition;
import io.spineintake.triage.assess.Tier;
import io.spineintake.triage.form.Region;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * GET /referrals' query string: filters (status, disposition, region, tier, assignee), limit and
 * cursor, validated (the cursor itself is checked by {@link ReferralService}, which holds its key).
 * Errors name the parameter as pointer {@code /query/<name>}, never its value.
 */
record WorklistQuery(WorklistFilter filter, int limit, String cursor) {

    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 100;

    /** The statuses of open referrals: the worklist lists no DECIDED ones. */
    static final List<ReferralStatus> STATUSES =
            List.of(ReferralStatus.NEW, ReferralStatus.IN_REVIEW, ReferralStatus.WAITING_FOR_PATIENT);
    /** The dispositions of the worklist's bands. */
    static final List<Disposition> DISPOSITIONS = Band.IN_ORDER.stream().map(Band::disposition).toList();
    static final List<Region> REGIONS = List.of(Region.values());
    static final List<Tier> TIERS = List.of(Tier.values());
    static final Set<String> PARAMETERS = Set.of("status", "disposition", "region", "tier", "assignee", "limit", "cursor");

    /** @throws ApiProblem 400 naming every bad parameter */
    static WorklistQuery parse(Map<String, String> parameters) {
        Map<String, String> p = parameters == null ? Map.of() : parameters;
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String name : new TreeMap<>(p).keySet()) {
            if (!PARAMETERS.contains(name)) {
                errors.add(new Problem.FieldError(pointer(name), "Unknown query parameter; the parameters are"
                        + " status, disposition, region, tier, assignee, limit and cursor."));
            }
        }
        ReferralStatus status = oneOf(p, "status", STATUSES, errors);
        Disposition disposition = oneOf(p, "disposition", DISPOSITIONS, errors);
        Region region = oneOf(p, "region", REGIONS, errors);
        Tier tier = oneOf(p, "tier", TIERS, errors);
        String assignee = p.get("assignee");
        if (assignee != null && !Coordinator.validUsername(assignee)) {
            errors.add(new Problem.FieldError(pointer("assignee"),
                    "Must be a username: 1 to " + Coordinator.MAX_USERNAME_LENGTH + " visible characters."));
            assignee = null;
        }
        int limit = DEFAULT_LIMIT;
        String rawLimit = p.get("limit");
        if (rawLimit != null) {
            limit = -1;
            if (rawLimit.matches("[0-9]{1,4}")) {
                limit = Integer.parseInt(rawLimit);
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                errors.add(new Problem.FieldError(pointer("limit"), "Must be a whole number from 1 to " + MAX_LIMIT + "."));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.of(400, ApiProblem.INVALID_QUERY, "Invalid query parameters",
                    errors.size() + " query parameter(s) need attention.", errors);
        }
        return new WorklistQuery(new WorklistFilter(status, disposition, region, tier, assignee), limit, p.get("cursor"));
    }

    /** A short hash of the filters: a cursor only continues the listing it was made for. */
    String filterHash() {
        String canonical = String.join("\u0000", Arrays.asList("v1", nz(filter.status()), nz(filter.disposition()),
                nz(filter.region()), nz(filter.tier()), nz(filter.assignee())));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pointer(String parameter) {
        return JsonPointer.child("/query", parameter);
    }

    private static <E extends Enum<E>> E oneOf(Map<String, String> p, String name, List<E> allowed,
                                               List<Problem.FieldError> errors) {
        String value = p.get(name);
        if (value == null) {
            return null;
        }
        for (E e : allowed) {
            if (e.name().equals(value)) {
                return e;
            }
        }
        errors.add(new Problem.FieldError(pointer(name), "Must be one of "
                + String.join(", ", allowed.stream().map(Enum::name).toList()) + "."));
        return null;
    }

    private static String nz(Object o) {
        return o == null ? "" : o instanceof Enum<?> e ? e.name() : o.toString();
    }
}
