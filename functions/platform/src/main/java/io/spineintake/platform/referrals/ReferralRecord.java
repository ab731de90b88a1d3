package io.spineintake.platform.referrals;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import io.spineintake.platform.Regions;
import io.spineintake.platform.Timestamps;
import io.spineintake.triage.assess.Disposition;
import io.spineintake.triage.assess.Tier;
import io.spineintake.triage.form.Region;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.EnumAttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/**
 * One referral on the coordinators' worklist, made from one consult-queue message. The key is the
 * intake id (a random UUID, no patient data), so a redelivered message finds its referral already
 * there. It holds the summary, the claim (assignee and lease), the decision (with its reason) and
 * the entry of its last change ({@code lastEntry}, written with the change, so that entry is never
 * lost); the whole trail is in the audit table ({@link AuditTrail}) and the form in the intakes
 * table. The item stays small however often it is viewed. Its state changes are decided by {@link Referral}.
 *
 * <p>While a referral is open, {@code worklist} = "OPEN" puts it in the sparse worklist index,
 * sorted by priority key; a closing decision removes the attribute.
 */
public record ReferralRecord(
        String referralId,
        String intakeId,
        ReferralStatus status,
        Disposition disposition,
        Tier tier,
        Integer score,
        List<Region> regions,
        String priorityKey,
        String submittedAt,
        String createdAt,
        String dueAt,
        Long version,
        String worklist,
        String assignee,
        String leaseUntil,
        Outcome outcome,
        String note,
        String decidedBy,
        String decidedAt,
        Disposition originalDisposition,
        String reason,
        List<String> redFlags,
        Boolean repeatRfaCandidate,
        AuditEntry lastEntry,
        String alertedAt,
        String alertClaimUntil,
        String escalatedAt,
        String escalationClaimUntil) {

    public static final String TABLE_NAME_SUFFIX = "referrals";
    public static final String REFERRAL_ID = "referralId";

    public static final String WORKLIST_INDEX = "worklist-by-priority";
    public static final ProjectionType WORKLIST_INDEX_PROJECTION = ProjectionType.ALL;
    public static final String WORKLIST = "worklist";
    public static final String OPEN = "OPEN";
    public static final String PRIORITY_KEY = "priorityKey";

    static final EnhancedType<AuditEntry> ENTRY = EnhancedType.documentOf(AuditEntry.class, AuditEntry.SCHEMA);

    public static final TableSchema<ReferralRecord> TABLE_SCHEMA =
            StaticImmutableTableSchema.builder(ReferralRecord.class, Builder.class)
                    .newItemBuilder(Builder::new, Builder::build)
                    .addAttribute(String.class, a -> a.name(REFERRAL_ID).getter(ReferralRecord::referralId).setter(Builder::referralId).tags(primaryPartitionKey()))
                    .addAttribute(String.class, a -> a.name("intakeId").getter(ReferralRecord::intakeId).setter(Builder::intakeId))
                    .addAttribute(ReferralStatus.class, a -> a.name("status").getter(ReferralRecord::status).setter(Builder::status)
                            .attributeConverter(EnumAttributeConverter.createWithNameAsKeys(ReferralStatus.class)))
                    .addAttribute(Disposition.class, a -> a.name("disposition").getter(ReferralRecord::disposition).setter(Builder::disposition)
                            .attributeConverter(EnumAttributeConverter.createWithNameAsKeys(Disposition.class)))
                    .addAttribute(Tier.class, a -> a.name("tier").getter(ReferralRecord::tier).setter(Builder::tier)
                            .attributeConverter(EnumAttributeConverter.createWithNameAsKeys(Tier.class)))
                    .addAttribute(Integer.class, a -> a.name("score").getter(ReferralRecord::score).setter(Builder::score))
                    .addAttribute(Regions.CONVERTER.type(), a -> a.name("regions").getter(ReferralRecord::regions)
                            .setter(Builder::regions).attributeConverter(Regions.CONVERTER))
                    .addAttribute(String.class, a -> a.name(PRIORITY_KEY).getter(ReferralRecord::priorityKey).setter(Builder::priorityKey).tags(secondarySortKey(WORKLIST_INDEX)))
                    .addAttribute(String.class, a -> a.name("submittedAt").getter(ReferralRecord::submittedAt).setter(Builder::submittedAt))
                    .addAttribute(String.class, a -> a.name("createdAt").getter(ReferralRecord::createdAt).setter(Builder::createdAt))
                    .addAttribute(String.class, a -> a.name("dueAt").getter(ReferralRecord::dueAt).setter(Builder::dueAt))
                    .addAttribute(Long.class, a -> a.name("version").getter(ReferralRecord::version).setter(Builder::version))
                    .addAttribute(String.class, a -> a.name(WORKLIST).getter(ReferralRecord::worklist).setter(Builder::worklist).tags(secondaryPartitionKey(WORKLIST_INDEX)))
                    .addAttribute(String.class, a -> a.name("assignee").getter(ReferralRecord::assignee).setter(Builder::assignee))
                    .addAttribute(String.class, a -> a.name("leaseUntil").getter(ReferralRecord::leaseUntil).setter(Builder::leaseUntil))
                    .addAttribute(Outcome.class, a -> a.name("outcome").getter(ReferralRecord::outcome).setter(Builder::outcome)
                            .attributeConverter(EnumAttributeConverter.createWithNameAsKeys(Outcome.class)))
                    .addAttribute(String.class, a -> a.name("note").getter(ReferralRecord::note).setter(Builder::note))
                    .addAttribute(String.class, a -> a.name("decidedBy").getter(ReferralRecord::decidedBy).setter(Builder::decidedBy))
                    .addAttribute(String.class, a -> a.name("decidedAt").getter(ReferralRecord::decidedAt).setter(Builder::decidedAt))
                    .addAttribute(Disposition.class, a -> a.name("originalDisposition").getter(ReferralRecord::originalDisposition).setter(Builder::originalDisposition)
                            .attributeConverter(EnumAttributeConverter.createWithNameAsKeys(Disposition.class)))
                    .addAttribute(String.class, a -> a.name("reason").getter(ReferralRecord::reason).setter(Builder::reason))
                    .addAttribute(EnhancedType.listOf(String.class), a -> a.name("redFlags").getter(ReferralRecord::redFlags).setter(Builder::redFlags))
                    .addAttribute(Boolean.class, a -> a.name("repeatRfaCandidate").getter(ReferralRecord::repeatRfaCandidate).setter(Builder::repeatRfaCandidate))
                    .addAttribute(ENTRY, a -> a.name("lastEntry").getter(ReferralRecord::lastEntry).setter(Builder::lastEntry))
                    // the notices (Notices): written by their own conditional updates, never by a state change
                    .addAttribute(String.class, a -> a.name(Notices.Kind.ALERT.sentAttribute()).getter(ReferralRecord::alertedAt).setter(Builder::alertedAt))
                    .addAttribute(String.class, a -> a.name(Notices.Kind.ALERT.claimAttribute()).getter(ReferralRecord::alertClaimUntil).setter(Builder::alertClaimUntil))
                    .addAttribute(String.class, a -> a.name(Notices.Kind.ESCALATION.sentAttribute()).getter(ReferralRecord::escalatedAt).setter(Builder::escalatedAt))
                    .addAttribute(String.class, a -> a.name(Notices.Kind.ESCALATION.claimAttribute()).getter(ReferralRecord::escalationClaimUntil).setter(Builder::escalationClaimUntil))
                    .build();

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().referralId(referralId).intakeId(intakeId).status(status)
                .disposition(disposition).tier(tier).score(score).regions(regions).priorityKey(priorityKey)
                .submittedAt(submittedAt).createdAt(createdAt).dueAt(dueAt).version(version)
                .worklist(worklist).assignee(assignee).leaseUntil(leaseUntil).outcome(outcome).note(note)
                .decidedBy(decidedBy).decidedAt(decidedAt).originalDisposition(originalDisposition)
                .reason(reason).redFlags(redFlags).repeatRfaCandidate(repeatRfaCandidate).lastEntry(lastEntry).alertedAt(alertedAt)
                .alertClaimUntil(alertClaimUntil).escalatedAt(escalatedAt).escalationClaimUntil(escalationClaimUntil);
    }

    /** On the worklist (not decided). */
    public boolean open() {
        return OPEN.equals(worklist);
    }

    /** The worklist band its priority key puts it in. */
    public java.util.Optional<Band> band() {
        return Band.ofKey(priorityKey);
    }

    /** Whether a claim is held at {@code nowTimestamp} (an ISO timestamp as IntakeRecord.timestamp writes). */
    public boolean claimedAt(String nowTimestamp) {
        return status == ReferralStatus.IN_REVIEW && assignee != null && leaseUntil != null
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
        private ReferralStatus status;
        private Disposition disposition;
        private Tier tier;
        private Integer score;
        private List<Region> regions;
        private String priorityKey;
        private String submittedAt;
        private String createdAt;
        private String dueAt;
        private Long version;
        private String worklist;
        private String assignee;
        private String leaseUntil;
        private Outcome outcome;
        private String note;
        private String decidedBy;
        private String decidedAt;
        private Disposition originalDisposition;
        private String reason;
        private List<String> redFlags;
        private Boolean repeatRfaCandidate;
        private AuditEntry lastEntry;
        private String alertedAt;
        private String alertClaimUntil;
        private String escalatedAt;
        private String escalationClaimUntil;

        public Builder referralId(String v) { this.referralId = v; return this; }
        public Builder intakeId(String v) { this.intakeId = v; return this; }
        public Builder status(ReferralStatus v) { this.status = v; return this; }
        public Builder disposition(Disposition v) { this.disposition = v; return this; }
        public Builder tier(Tier v) { this.tier = v; return this; }
        public Builder score(Integer v) { this.score = v; return this; }
        public Builder regions(List<Region> v) { this.regions = v; return this; }
        public Builder priorityKey(String v) { this.priorityKey = v; return this; }
        public Builder submittedAt(String v) { this.submittedAt = v; return this; }
        public Builder createdAt(String v) { this.createdAt = v; return this; }
        public Builder dueAt(String v) { this.dueAt = v; return this; }
        public Builder version(Long v) { this.version = v; return this; }
        public Builder worklist(String v) { this.worklist = v; return this; }
        public Builder assignee(String v) { this.assignee = v; return this; }
        public Builder leaseUntil(String v) { this.leaseUntil = v; return this; }
        public Builder outcome(Outcome v) { this.outcome = v; return this; }
        public Builder note(String v) { this.note = v; return this; }
        public Builder decidedBy(String v) { this.decidedBy = v; return this; }
        public Builder decidedAt(String v) { this.decidedAt = v; return this; }
        public Builder originalDisposition(Disposition v) { this.originalDisposition = v; return this; }
        public Builder reason(String v) { this.reason = v; return this; }
        public Builder redFlags(List<String> v) { this.redFlags = v; return this; }
        public Builder repeatRfaCandidate(Boolean v) { this.repeatRfaCandidate = v; return this; }
        public Builder lastEntry(AuditEntry v) { this.lastEntry = v; return this; }
        public Builder alertedAt(String v) { this.alertedAt = v; return this; }
        public Builder alertClaimUntil(String v) { this.alertClaimUntil = v; return this; }
        public Builder escalatedAt(String v) { this.escalatedAt = v; return this; }
        public Builder escalationClaimUntil(String v) { this.escalationClaimUntil = v; return this; }

        public ReferralRecord build() {
            return new ReferralRecord(referralId, intakeId, status, disposition, tier, score,
                    regions == null ? List.of() : List.copyOf(regions), priorityKey, submittedAt, createdAt,
                    dueAt, version == null ? 1L : version, worklist, assignee, leaseUntil, outcome, note,
                    decidedBy, decidedAt, originalDisposition, reason, redFlags == null ? List.of() : List.copyOf(redFlags),
                    repeatRfaCandidate, lastEntry, alertedAt, alertClaimUntil, escalatedAt, escalationClaimUntil);
        }
    }
}
