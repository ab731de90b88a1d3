package io.spineintake.triageapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spineintake.platform.Json;
import io.spineintake.platform.intakes.IntakeRecord;
import io.spineintake.platform.referrals.AuditEntry;
import io.spineintake.platform.referrals.ReferralRecord;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON the API answers with. Absent optional values are written as null, so every answer of a
 * route has the same fields. The worklist shows a referral's summary only: no patient data.
 */
final class ReferralViews {
    private static final Logger LOG = LoggerFactory.getLogger(ReferralViews.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ReferralViews() {
    }

    /** A worklist item: the referral's summary and claim; {@code overdue} against {@code asOf}. */
    static ObjectNode summary(ReferralRecord r, String asOf) {
        ObjectNode n = NODES.objectNode();
        n.put("referralId", r.referralId());
        n.put("intakeId", r.intakeId());
        n.put("status", r.status());
        n.put("disposition", r.disposition());
        n.put("tier", r.tier());
        if (r.score() == null) {
            n.putNull("score");
        } else {
            n.put("score", r.score());
        }
        ArrayNode regions = n.putArray("regions");
        if (r.regions() != null) {
            for (String region : r.regions().split(",")) {
                if (!region.isBlank()) {
                    regions.add(region.strip());
                }
            }
        }
        n.put("priorityKey", r.priorityKey());
        n.put("submittedAt", r.submittedAt());
        n.put("dueAt", r.dueAt());
        n.put("overdue", overdue(r, asOf));
        n.put("assignee", r.assignee());
        n.put("leaseUntil", r.leaseUntil());
        n.put("version", r.version());
        return n;
    }

    static boolean overdue(ReferralRecord r, String asOf) {
        return ReferralRecord.OPEN.equals(r.worklist()) && r.dueAt() != null && r.dueAt().compareTo(asOf) <= 0;
    }

    /** The summary and the decision fields. */
    static ObjectNode referral(ReferralRecord r, String asOf) {
        ObjectNode n = summary(r, asOf);
        n.put("open", ReferralRecord.OPEN.equals(r.worklist()));
        n.put("outcome", r.outcome());
        n.put("note", r.note());
        n.put("decidedBy", r.decidedBy());
        n.put("decidedAt", r.decidedAt());
        n.put("originalDisposition", r.originalDisposition());
        n.put("overrideReason", r.overrideReason());
        return n;
    }

    /** The referral, its intake's form and assessment as JSON trees, and its audit trail. */
    static ObjectNode detail(ReferralService.Detail d, String asOf) {
        ObjectNode n = referral(d.referral(), asOf);
        IntakeRecord intake = d.intake();
        n.put("receivedAt", intake == null ? null : intake.receivedAt());
        n.put("ruleSetVersion", intake == null ? null : intake.ruleSetVersion());
        n.set("form", tree(intake == null ? null : intake.formJson(), "form", d.referral().referralId()));
        n.set("assessment", tree(intake == null ? null : intake.assessmentJson(), "assessment", d.referral().referralId()));
        n.set("audit", audit(d.referral().audit()));
        return n;
    }

    static ArrayNode audit(List<AuditEntry> entries) {
        ArrayNode a = NODES.arrayNode();
        for (AuditEntry e : entries) {
            ObjectNode n = a.addObject();
            n.put("at", e.at());
            n.put("actor", e.actor());
            n.put("action", e.action());
            putIfSet(n, "status", e.status());
            putIfSet(n, "assignee", e.assignee());
            putIfSet(n, "leaseUntil", e.leaseUntil());
            putIfSet(n, "outcome", e.outcome());
            putIfSet(n, "disposition", e.disposition());
            putIfSet(n, "overriddenDisposition", e.overriddenDisposition());
            putIfSet(n, "reason", e.reason());
            putIfSet(n, "note", e.note());
            if (e.version() != null) {
                n.put("version", e.version());
            }
        }
        return a;
    }

    static ObjectNode worklist(ReferralService.WorklistPage page) {
        ObjectNode n = NODES.objectNode();
        ArrayNode items = n.putArray("items");
        page.items().forEach(r -> items.add(summary(r, page.asOf())));
        n.put("nextCursor", page.nextCursor());
        n.put("asOf", page.asOf());
        return n;
    }

    static ObjectNode stats(ReferralService.Stats s) {
        ObjectNode n = NODES.objectNode();
        n.put("asOf", s.asOf());
        n.put("total", s.total());
        counts(n.putObject("byStatus"), s.byStatus());
        counts(n.putObject("byDisposition"), s.byDisposition());
        n.put("open", s.open());
        n.put("overdue", s.overdue());
        counts(n.putObject("oldestWaitingSeconds"), s.oldestWaitingSeconds());
        return n;
    }

    private static void counts(ObjectNode n, Map<String, Long> counts) {
        counts.forEach((k, v) -> {
            if (v == null) {
                n.putNull(k);
            } else {
                n.put(k, v);
            }
        });
    }

    private static void putIfSet(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    /** A stored JSON document as a tree; null (and a warning naming only the id) when it is not JSON. */
    private static JsonNode tree(String json, String what, String referralId) {
        if (json == null) {
            return NullNode.getInstance();
        }
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            LOG.warn("stored {} of referral {} is not JSON; answered without it", what, referralId);
            return NullNode.getInstance();
        }
    }
}
