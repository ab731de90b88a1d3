package io.spineintake.platform.referrals;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/**
 * One referral on the coordinators' worklist, made from one consult-queue message. The key is the
 * intake id (a random UUID, no patient data), so a redelivered message finds its referral already
 * there. It holds the summary, the claim (assignee and lease), the decision, and the audit trail;
 * the form stays in the intakes table.
 *
 * <p>While a referral is open, {@code worklist} = "OPEN" puts it in the sparse worklist index,
 * sorted by priority key; a closing decision removes the attribute.
 */
public record ReferralRecord(
        String referralId,
        String intakeId,
        String status,
        String disposition,
        String tier,
        Integer score,
        String regions,
        String priorityKey,
        String submittedAt,
        String createdAt,
        String dueAt,
        Long version,
        String worklist,
        String assignee,
        String leaseUntil,
        String outcome,
        String note,
        String decidedBy,
        String decidedAt,
        String originalDisposition,
        String overrideReason,
        List<AuditEntry> audit) {

    public static final String TABLE_NAME_SUFFIX = "referrals";
    public static final String REFERRAL_ID = "referralId";

    /** Status of a referral nobody holds. */
    public static final String STATUS_NEW = "NEW";
    /** Claimed: {@code assignee} holds a lease until {@code leaseUntil}; an expired lease can be taken. */
    public static final String STATUS_IN_REVIEW = "IN_REVIEW";
    /** Waiting for the patient; back on the worklist, unclaimed. */
    public static final String STATUS_WAITING_FOR_PATIENT = "WAITING_FOR_PATIENT";
    /** Closed by a decision; off the worklist. */
    public static final String STATUS_DECIDED = "DECIDED";

    public static final String WORKLIST_INDEX = "worklist-by-priority";
    public static final ProjectionType WORKLIST_INDEX_PROJECTION = ProjectionType.ALL;
    public static final String WORKLIST = "worklist";
    public static final String OPEN = "OPEN";
    public static final String PRIORITY_KEY = "priorityKey";

    static final EnhancedType<List<AuditEntry>> AUDIT_LIST =
            EnhancedType.listOf(EnhancedType.documentOf(AuditEntry.class, AuditEntry.SCHEMA));

    public static final TableSchema<ReferralRecord> TABLE_SCHEMA =
            StaticImmutableTableSchema.builder(ReferralRecord.class, Builder.class)
                    .newItemBuilder(Builder::new, Builder::build)
                    .addAttribute(String.class, a -> a.name(REFERRAL_ID)
                            .getter(ReferralRecord::referralId).setter(Builder::referralId).tags(primaryPartitionKey()))
                    .addAttribute(String.class, a -> a.name("intakeId").getter(ReferralRecord::intakeId).setter(Builder::intakeId))
                    .addAttribute(String.class, a -> a.name("status").getter(ReferralRecord::status).setter(Builder::status))
                    .addAttribute(String.class, a -> a.name("disposition").getter(ReferralRecord::disposition).setter(Builder::disposition))
                    .addAttribute(String.class, a -> a.name("tier").getter(ReferralRecord::tier).setter(Builder::tier))
                    .addAttribute(Integer.class, a -> a.name("score").getter(ReferralRecord::score).setter(Builder::score))
                    .addAttribute(String.class, a -> a.name("regions").getter(ReferralRecord::regions).setter(Builder::regions))
                    .addAttribute(String.class, a -> a.name(PRIORITY_KEY).getter(ReferralRecord::priorityKey)
                            .setter(Builder::priorityKey).tags(secondarySortKey(WORKLIST_INDEX)))
                    .addAttribute(String.class, a -> a.name("submittedAt").getter(ReferralRecord::submittedAt).setter(Builder::submittedAt))
                    .addAttribute(String.class, a -> a.name("createdAt").getter(ReferralRecord::createdAt).setter(Builder::createdAt))
                    .addAttribute(String.class, a -> a.name("dueAt").getter(ReferralRecord::dueAt).setter(Builder::dueAt))
                    .addAttribute(Long.class, a -> a.name("version").getter(ReferralRecord::version).setter(Builder::version))
                    .addAttribute(String.class, a -> a.name(WORKLIST).getter(ReferralRecord::worklist)
                            .setter(Builder::worklist).tags(secondaryPartitionKey(WORKLIST_INDEX)))
                    .addAttribute(String.class, a -> a.name("assignee").getter(ReferralRecord::assignee).setter(Builder::assignee))
                    .addAttribute(String.class, a -> a.name("leaseUntil").getter(ReferralRecord::leaseUntil).setter(Builder::leaseUntil))
                    .addAttribute(String.class, a -> a.name("outcome").getter(ReferralRecord::outcome).setter(Builder::outcome))
                    .addAttribute(String.class, a -> a.name("note").getter(ReferralRecord::note).setter(Builder::note))
                    .addAttribute(String.class, a -> a.name("decidedBy").getter(ReferralRecord::decidedBy).setter(Builder::decidedBy))
                    .addAttribute(String.class, a -> a.name("decidedAt").getter(ReferralRecord::decidedAt).setter(Builder::decidedAt))
                    .addAttribute(String.class, a -> a.name("originalDisposition").getter(ReferralRecord::originalDisposition)
                            .setter(Builder::originalDisposition))
                    .addAttribute(String.class, a -> a.name("overrideReason").getter(ReferralRecord::overrideReason)
                            .setter(Builder::overrideReason))
                    .addAttribute(AUDIT_LIST, a -> a.name("audit").getter(ReferralRecord::audit).setter(Builder::audit))
                    .build();

    public static Builder builder() {
        return new Builder();
    }

    /** Whether a claim is held at {@code nowTimestamp} (an ISO timestamp as IntakeRecord.timestamp writes). */
    public boolean claimedAt(String nowTimestamp) {
        return STATUS_IN_REVIEW.equals(status) && assignee != null && leaseUntil != null
                && leaseUntil.compareTo(nowTimestamp) > 0;
    }

    /** Field names and ids only: notes and decisions are not for logs. */
    @Override
    public String toString() {
        return "ReferralRecord[referralId=" + referralId + ", status=" + status + ", version=" + version + "]";
    }

    /** Mutable builder, also used by the enhanced client when reading. */
    public static final class Builder {
        private String referralId;
        private String intakeId;
        private String status;
        private String disposition;
        private String tier;
        private Integer score;
        private String regions;
        private String priorityKey;
        private String submittedAt;
        private String createdAt;
        private String dueAt;
        private Long version;
        private String worklist;
        private String assignee;
        private String leaseUntil;
        private String outcome;
        private String note;
        private String decidedBy;
        private String decidedAt;
        private String originalDisposition;
        private String overrideReason;
        private List<AuditEntry> audit;

        public Builder referralId(String v) { this.referralId = v; return this; }
        public Builder intakeId(String v) { this.intakeId = v; return this; }
        public Builder status(String v) { this.status = v; return this; }
        public Builder disposition(String v) { this.disposition = v; return this; }
        public Builder tier(String v) { this.tier = v; return this; }
        public Builder score(Integer v) { this.score = v; return this; }
        public Builder regions(String v) { this.regions = v; return this; }
        public Builder priorityKey(String v) { this.priorityKey = v; return this; }
        public Builder submittedAt(String v) { this.submittedAt = v; return this; }
        public Builder createdAt(String v) { this.createdAt = v; return this; }
        public Builder dueAt(String v) { this.dueAt = v; return this; }
        public Builder version(Long v) { this.version = v; return this; }
        public Builder worklist(String v) { this.worklist = v; return this; }
        public Builder assignee(String v) { this.assignee = v; return this; }
        public Builder leaseUntil(String v) { this.leaseUntil = v; return this; }
        public Builder outcome(String v) { this.outcome = v; return this; }
        public Builder note(String v) { this.note = v; return this; }
        public Builder decidedBy(String v) { this.decidedBy = v; return this; }
        public Builder decidedAt(String v) { this.decidedAt = v; return this; }
        public Builder originalDisposition(String v) { this.originalDisposition = v; return this; }
        public Builder overrideReason(String v) { this.overrideReason = v; return this; }
        public Builder audit(List<AuditEntry> v) { this.audit = v; return this; }

        public ReferralRecord build() {
            return new ReferralRecord(referralId, intakeId, status, disposition, tier, score, regions, priorityKey,
                    submittedAt, createdAt, dueAt, version == null ? 1L : version, worklist, assignee, leaseUntil,
                    outcome, note, decidedBy, decidedAt, originalDisposition, overrideReason,
                    audit == null ? List.of() : List.copyOf(audit));
        }
    }
}
