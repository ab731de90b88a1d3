package io.spineintake.platform.referrals;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.spineintake.triage.assess.Disposition;
import software.amazon.awssdk.enhanced.dynamodb.EnumAttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * One line of a referral's audit trail: who did what, when, and the state it left. Stored inside
 * the referral item, appended by the same write that changes the state, so the trail and the
 * state cannot disagree. {@code actor} is a staff username or "system", never a patient's data.
 * As JSON (the API's audit trail) fields that are not set are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntry(
        String at,
        String actor,
        AuditAction action,
        ReferralStatus status,
        String assignee,
        String leaseUntil,
        Outcome outcome,
        Disposition disposition,
        Disposition overriddenDisposition,
        String reason,
        String note,
        Long version,
        String episodeId) {

    public static final String SYSTEM = "system";

    public static final TableSchema<AuditEntry> SCHEMA =
            StaticImmutableTableSchema.builder(AuditEntry.class, Builder.class)
                    .newItemBuilder(Builder::new, Builder::build)
                    .addAttribute(String.class, a -> a.name("at").getter(AuditEntry::at).setter(Builder::at))
                    .addAttribute(String.class, a -> a.name("actor").getter(AuditEntry::actor).setter(Builder::actor))
                    .addAttribute(AuditAction.class, a -> a.name("action").getter(AuditEntry::action).setter(Builder::action)
                            .attributeConverter(EnumAttributeConverter.createWithNameAsKeys(AuditAction.class)))
                    .addAttribute(ReferralStatus.class, a -> a.name("status").getter(AuditEntry::status).setter(Builder::status)
                            .attributeConverter(EnumAttributeConverter.createWithNameAsKeys(ReferralStatus.class)))
                    .addAttribute(String.class, a -> a.name("assignee").getter(AuditEntry::assignee).setter(Builder::assignee))
                    .addAttribute(String.class, a -> a.name("leaseUntil").getter(AuditEntry::leaseUntil).setter(Builder::leaseUntil))
                    .addAttribute(Outcome.class, a -> a.name("outcome").getter(AuditEntry::outcome).setter(Builder::outcome)
                            .attributeConverter(EnumAttributeConverter.createWithNameAsKeys(Outcome.class)))
                    .addAttribute(Disposition.class, a -> a.name("disposition").getter(AuditEntry::disposition)
                            .setter(Builder::disposition)
                            .attributeConverter(EnumAttributeConverter.createWithNameAsKeys(Disposition.class)))
                    .addAttribute(Disposition.class, a -> a.name("overriddenDisposition")
                            .getter(AuditEntry::overriddenDisposition).setter(Builder::overriddenDisposition)
                            .attributeConverter(EnumAttributeConverter.createWithNameAsKeys(Disposition.class)))
                    .addAttribute(String.class, a -> a.name("reason").getter(AuditEntry::reason).setter(Builder::reason))
                    .addAttribute(String.class, a -> a.name("note").getter(AuditEntry::note).setter(Builder::note))
                    .addAttribute(Long.class, a -> a.name("version").getter(AuditEntry::version).setter(Builder::version))
                    .addAttribute(String.class, a -> a.name("episodeId").getter(AuditEntry::episodeId).setter(Builder::episodeId))
                    .build();

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String at;
        private String actor;
        private AuditAction action;
        private ReferralStatus status;
        private String assignee;
        private String leaseUntil;
        private Outcome outcome;
        private Disposition disposition;
        private Disposition overriddenDisposition;
        private String reason;
        private String note;
        private Long version;
        private String episodeId;

        public Builder at(String v) { this.at = v; return this; }
        public Builder actor(String v) { this.actor = v; return this; }
        public Builder action(AuditAction v) { this.action = v; return this; }
        public Builder status(ReferralStatus v) { this.status = v; return this; }
        public Builder assignee(String v) { this.assignee = v; return this; }
        public Builder leaseUntil(String v) { this.leaseUntil = v; return this; }
        public Builder outcome(Outcome v) { this.outcome = v; return this; }
        public Builder disposition(Disposition v) { this.disposition = v; return this; }
        /** The disposition a decision replaced (set only when the decision changed it). */
        public Builder overriddenDisposition(Disposition v) { this.overriddenDisposition = v; return this; }
        public Builder reason(String v) { this.reason = v; return this; }
        public Builder note(String v) { this.note = v; return this; }
        public Builder version(Long v) { this.version = v; return this; }
        /** The block episode an entry is about (block and diary actions only). */
        public Builder episodeId(String v) { this.episodeId = v; return this; }

        public AuditEntry build() {
            return new AuditEntry(at, actor, action, status, assignee, leaseUntil, outcome, disposition,
                    overriddenDisposition, reason, note, version, episodeId);
        }
    }
}
