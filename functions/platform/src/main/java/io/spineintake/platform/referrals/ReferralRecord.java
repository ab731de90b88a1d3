package io.spineintake.platform.referrals;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * One referral on a coordinator's worklist, made from one consult-queue message. The key is the
 * intake id (a random UUID, no patient data), so a redelivered message finds its referral already
 * there. Holds the summary only; the form stays in the intakes table.
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
        Long version) {

    public static final String TABLE_NAME_SUFFIX = "referrals";
    public static final String REFERRAL_ID = "referralId";
    public static final String STATUS_NEW = "NEW";

    public static final TableSchema<ReferralRecord> TABLE_SCHEMA =
            StaticImmutableTableSchema.builder(ReferralRecord.class, Builder.class)
                    .newItemBuilder(Builder::new, Builder::build)
                    .addAttribute(String.class, a -> a.name(REFERRAL_ID)
                            .getter(ReferralRecord::referralId).setter(Builder::referralId).tags(primaryPartitionKey()))
                    .addAttribute(String.class, a -> a.name("intakeId")
                            .getter(ReferralRecord::intakeId).setter(Builder::intakeId))
                    .addAttribute(String.class, a -> a.name("status")
                            .getter(ReferralRecord::status).setter(Builder::status))
                    .addAttribute(String.class, a -> a.name("disposition")
                            .getter(ReferralRecord::disposition).setter(Builder::disposition))
                    .addAttribute(String.class, a -> a.name("tier")
                            .getter(ReferralRecord::tier).setter(Builder::tier))
                    .addAttribute(Integer.class, a -> a.name("score")
                            .getter(ReferralRecord::score).setter(Builder::score))
                    .addAttribute(String.class, a -> a.name("regions")
                            .getter(ReferralRecord::regions).setter(Builder::regions))
                    .addAttribute(String.class, a -> a.name("priorityKey")
                            .getter(ReferralRecord::priorityKey).setter(Builder::priorityKey))
                    .addAttribute(String.class, a -> a.name("submittedAt")
                            .getter(ReferralRecord::submittedAt).setter(Builder::submittedAt))
                    .addAttribute(String.class, a -> a.name("createdAt")
                            .getter(ReferralRecord::createdAt).setter(Builder::createdAt))
                    .addAttribute(String.class, a -> a.name("dueAt")
                            .getter(ReferralRecord::dueAt).setter(Builder::dueAt))
                    .addAttribute(Long.class, a -> a.name("version")
                            .getter(ReferralRecord::version).setter(Builder::version))
                    .build();

    public static Builder builder() {
        return new Builder();
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

        public ReferralRecord build() {
            return new ReferralRecord(referralId, intakeId, status, disposition, tier, score, regions, priorityKey,
                    submittedAt, createdAt, dueAt, version == null ? 1L : version);
        }
    }
}
