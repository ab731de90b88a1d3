package io.spineintake.platform.referrals;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * One line of a referral's audit trail: who did what, when, and the state it left. Stored inside
 * the referral item, appended by the same write that changes the state, so the trail and the
 * state cannot disagree. {@code actor} is a staff username or "system", never a patient's data.
 */
public record AuditEntry(
        String at,
        String actor,
        String action,
        String status,
        String assignee,
        String leaseUntil,
        String outcome,
        String disposition,
        String overriddenDisposition,
        String reason,
        String note,
        Long version) {

    public static final String CREATED = "CREATED";
    public static final String VIEWED = "VIEWED";
    public static final String CLAIMED = "CLAIMED";
    public static final String RELEASED = "RELEASED";
    public static final String DECIDED = "DECIDED";

    public static final TableSchema<AuditEntry> SCHEMA =
            StaticImmutableTableSchema.builder(AuditEntry.class, Builder.class)
                    .newItemBuilder(Builder::new, Builder::build)
                    .addAttribute(String.class, a -> a.name("at").getter(AuditEntry::at).setter(Builder::at))
                    .addAttribute(String.class, a -> a.name("actor").getter(AuditEntry::actor).setter(Builder::actor))
                    .addAttribute(String.class, a -> a.name("action").getter(AuditEntry::action).setter(Builder::action))
                    .addAttribute(String.class, a -> a.name("status").getter(AuditEntry::status).setter(Builder::status))
                    .addAttribute(String.class, a -> a.name("assignee").getter(AuditEntry::assignee).setter(Builder::assignee))
                    .addAttribute(String.class, a -> a.name("leaseUntil").getter(AuditEntry::leaseUntil).setter(Builder::leaseUntil))
                    .addAttribute(String.class, a -> a.name("outcome").getter(AuditEntry::outcome).setter(Builder::outcome))
                    .addAttribute(String.class, a -> a.name("disposition").getter(AuditEntry::disposition).setter(Builder::disposition))
                    .addAttribute(String.class, a -> a.name("overriddenDisposition").getter(AuditEntry::overriddenDisposition)
                            .setter(Builder::overriddenDisposition))
                    .addAttribute(String.class, a -> a.name("reason").getter(AuditEntry::reason).setter(Builder::reason))
                    .addAttribute(String.class, a -> a.name("note").getter(AuditEntry::note).setter(Builder::note))
                    .addAttribute(Long.class, a -> a.name("version").getter(AuditEntry::version).setter(Builder::version))
                    .build();

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String at;
        private String actor;
        private String action;
        private String status;
        private String assignee;
        private String leaseUntil;
        private String outcome;
        private String disposition;
        private String overriddenDisposition;
        private String reason;
        private String note;
        private Long version;

        public Builder at(String v) { this.at = v; return this; }
        public Builder actor(String v) { this.actor = v; return this; }
        public Builder action(String v) { this.action = v; return this; }
        public Builder status(String v) { this.status = v; return this; }
        public Builder assignee(String v) { this.assignee = v; return this; }
        public Builder leaseUntil(String v) { this.leaseUntil = v; return this; }
        public Builder outcome(String v) { this.outcome = v; return this; }
        public Builder disposition(String v) { this.disposition = v; return this; }
        /** The disposition a decision changed (set only when the decision changed it). */
        public Builder overriddenDisposition(String v) { this.overriddenDisposition = v; return this; }
        public Builder reason(String v) { this.reason = v; return this; }
        public Builder note(String v) { this.note = v; return this; }
        public Builder version(Long v) { this.version = v; return this; }

        public AuditEntry build() {
            return new AuditEntry(at, actor, action, status, assignee, leaseUntil, outcome, disposition,
                    overriddenDisposition, reason, note, version);
        }
    }
}
