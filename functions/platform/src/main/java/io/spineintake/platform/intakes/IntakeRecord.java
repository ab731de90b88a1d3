package io.spineintake.platform.intakes;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import io.spineintake.platform.Regions;
import io.spineintake.triage.Digits;
import io.spineintake.triage.assess.Disposition;
import io.spineintake.triage.assess.PatientMessage;
import io.spineintake.triage.assess.Tier;
import io.spineintake.triage.form.Region;
import java.util.List;

import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.EnumAttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/**
 * One item of the intakes table. The table holds patient data (formJson, assessmentJson,
 * patientMessage, responseJson), so no key holds any: the partition key is a random UUID, the index
 * keys are a shard label and a timestamp.
 *
 * <p>{@link #TABLE_SCHEMA} is built once (no bean reflection per request) and is the single source
 * of the table's key and index names, which Provisioning and template.yaml follow.
 */
public record IntakeRecord(
        String intakeId,
        String receivedAt,
        String requestHash,
        String formJson,
        String assessmentJson,
        String ruleSetVersion,
        Disposition disposition,
        Tier tier,
        Integer score,
        String priorityKey,
        PatientMessage patientMessage,
        String responseJson,
        RoutingState routingState,
        String pendingShard,
        String updatedAt,
        Long version,
        List<Region> regions,
        String dueAt,
        List<String> redFlags,
        Boolean repeatRfaCandidate) {

    /** The table's name in a stack or local prefix "P" is "P-intakes" (template.yaml: ${AWS::StackName}-intakes). */
    public static final String TABLE_NAME_SUFFIX = "intakes";

    public static final String INTAKE_ID = "intakeId";
    public static final String RECEIVED_AT = "receivedAt";
    public static final String PRIORITY_KEY = "priorityKey";
    public static final String ROUTING_STATE = "routingState";
    public static final String PENDING_SHARD = "pendingShard";
    public static final String UPDATED_AT = "updatedAt";
    public static final String VERSION = "version";
    /** The assessed regions, main first, comma-separated (e.g. "LUMBAR,CERVICAL"): what a referral shows. */
    public static final String REGIONS = "regions";

    /** When the referral made from it is due: decided at submission, so the patient is told the same date. */
    public static final String DUE_AT = "dueAt";

    /** Sparse GSI over PENDING intakes: partition key pendingShard, sort key receivedAt, keys only. */
    public static final String PENDING_INDEX = "pending-by-shard";
    public static final ProjectionType PENDING_INDEX_PROJECTION = ProjectionType.KEYS_ONLY;
    /** Pending intakes are spread over this many index partitions, P00..P15. */
    public static final int PENDING_SHARDS = 16;

    public static final TableSchema<IntakeRecord> TABLE_SCHEMA =
            StaticImmutableTableSchema.builder(IntakeRecord.class, Builder.class)
                    .newItemBuilder(IntakeRecord::builder, Builder::build)
                    .addAttribute(String.class, a -> a.name(INTAKE_ID)
                            .getter(IntakeRecord::intakeId).setter(Builder::intakeId)
                            .tags(primaryPartitionKey()))
                    .addAttribute(String.class, a -> a.name(RECEIVED_AT)
                            .getter(IntakeRecord::receivedAt).setter(Builder::receivedAt)
                            .tags(secondarySortKey(PENDING_INDEX)))
                    .addAttribute(String.class, a -> a.name("requestHash")
                            .getter(IntakeRecord::requestHash).setter(Builder::requestHash))
                    .addAttribute(String.class, a -> a.name("formJson")
                            .getter(IntakeRecord::formJson).setter(Builder::formJson))
                    .addAttribute(String.class, a -> a.name("assessmentJson")
                            .getter(IntakeRecord::assessmentJson).setter(Builder::assessmentJson))
                    .addAttribute(String.class, a -> a.name("ruleSetVersion")
                            .getter(IntakeRecord::ruleSetVersion).setter(Builder::ruleSetVersion))
                    .addAttribute(Disposition.class, a -> a.name("disposition")
                            .getter(IntakeRecord::disposition).setter(Builder::disposition)
                            .attributeConverter(EnumAttributeConverter.createWithNameAsKeys(Disposition.class)))
                    .addAttribute(Tier.class, a -> a.name("tier")
                            .getter(IntakeRecord::tier).setter(Builder::tier)
                            .attributeConverter(EnumAttributeConverter.createWithNameAsKeys(Tier.class)))
                    .addAttribute(Integer.class, a -> a.name("score")
                            .getter(IntakeRecord::score).setter(Builder::score))
                    .addAttribute(String.class, a -> a.name(PRIORITY_KEY)
                            .getter(IntakeRecord::priorityKey).setter(Builder::priorityKey))
                    .addAttribute(PatientMessage.class, a -> a.name("patientMessage")
                            .getter(IntakeRecord::patientMessage).setter(Builder::patientMessage)
                            .attributeConverter(EnumAttributeConverter.createWithNameAsKeys(PatientMessage.class)))
                    .addAttribute(String.class, a -> a.name("responseJson")
                            .getter(IntakeRecord::responseJson).setter(Builder::responseJson))
                    .addAttribute(RoutingState.class, a -> a.name(ROUTING_STATE)
                            .getter(IntakeRecord::routingState).setter(Builder::routingState)
                            .attributeConverter(EnumAttributeConverter.createWithNameAsKeys(RoutingState.class)))
                    .addAttribute(String.class, a -> a.name(PENDING_SHARD)
                            .getter(IntakeRecord::pendingShard).setter(Builder::pendingShard)
                            .tags(secondaryPartitionKey(PENDING_INDEX)))
                    .addAttribute(String.class, a -> a.name(UPDATED_AT)
                            .getter(IntakeRecord::updatedAt).setter(Builder::updatedAt))
                    .addAttribute(Long.class, a -> a.name(VERSION)
                            .getter(IntakeRecord::version).setter(Builder::version))
                    .addAttribute(Regions.CONVERTER.type(), a -> a.name(REGIONS)
                            .getter(IntakeRecord::regions).setter(Builder::regions).attributeConverter(Regions.CONVERTER))
                    .addAttribute(String.class, a -> a.name(DUE_AT)
                            .getter(IntakeRecord::dueAt).setter(Builder::dueAt))
                    .addAttribute(EnhancedType.listOf(String.class), a -> a.name("redFlags")
                            .getter(IntakeRecord::redFlags).setter(Builder::redFlags))
                    .addAttribute(Boolean.class, a -> a.name("repeatRfaCandidate")
                            .getter(IntakeRecord::repeatRfaCandidate).setter(Builder::repeatRfaCandidate))
                    .build();

    /** The pending-index shard of an intake id: "P00".."P15", stable for the id. */
    public static String shardFor(String intakeId) {
        return "P" + Digits.zeroPadded(Math.floorMod(intakeId.hashCode(), PENDING_SHARDS), 2);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .intakeId(intakeId).receivedAt(receivedAt).requestHash(requestHash).formJson(formJson)
                .assessmentJson(assessmentJson).ruleSetVersion(ruleSetVersion).disposition(disposition)
                .tier(tier).score(score).priorityKey(priorityKey).patientMessage(patientMessage)
                .responseJson(responseJson).routingState(routingState).pendingShard(pendingShard)
                .updatedAt(updatedAt).version(version).regions(regions).dueAt(dueAt).redFlags(redFlags)
                .repeatRfaCandidate(repeatRfaCandidate);
    }

    /**
     * Field names only: the record holds patient data, so its toString must never print values
     * (a record's generated toString would put the form into a log line).
     */
    @Override
    public String toString() {
        return "IntakeRecord[intakeId=" + intakeId + ", routingState=" + routingState + ", version=" + version + "]";
    }

    /**
     * Mutable builder (also used by the enhanced client when reading). {@link #build()} fills
     * pendingShard from intakeId for a PENDING record without one, and version 1 when unset.
     */
    public static final class Builder {
        private String intakeId;
        private String receivedAt;
        private String requestHash;
        private String formJson;
        private String assessmentJson;
        private String ruleSetVersion;
        private Disposition disposition;
        private Tier tier;
        private Integer score;
        private String priorityKey;
        private PatientMessage patientMessage;
        private String responseJson;
        private RoutingState routingState;
        private String pendingShard;
        private String updatedAt;
        private Long version;
        private List<Region> regions;
        private String dueAt;
        private List<String> redFlags;
        private Boolean repeatRfaCandidate;

        private Builder() {
        }

        public Builder intakeId(String v) { this.intakeId = v; return this; }
        public Builder receivedAt(String v) { this.receivedAt = v; return this; }
        public Builder requestHash(String v) { this.requestHash = v; return this; }
        public Builder formJson(String v) { this.formJson = v; return this; }
        public Builder assessmentJson(String v) { this.assessmentJson = v; return this; }
        public Builder ruleSetVersion(String v) { this.ruleSetVersion = v; return this; }
        public Builder disposition(Disposition v) { this.disposition = v; return this; }
        public Builder tier(Tier v) { this.tier = v; return this; }
        public Builder score(Integer v) { this.score = v; return this; }
        public Builder priorityKey(String v) { this.priorityKey = v; return this; }
        public Builder patientMessage(PatientMessage v) { this.patientMessage = v; return this; }
        public Builder responseJson(String v) { this.responseJson = v; return this; }
        public Builder routingState(RoutingState v) { this.routingState = v; return this; }
        public Builder pendingShard(String v) { this.pendingShard = v; return this; }
        public Builder updatedAt(String v) { this.updatedAt = v; return this; }
        public Builder version(Long v) { this.version = v; return this; }
        public Builder regions(List<Region> v) { this.regions = v; return this; }
        public Builder dueAt(String v) { this.dueAt = v; return this; }
        public Builder redFlags(List<String> v) { this.redFlags = v; return this; }
        public Builder repeatRfaCandidate(Boolean v) { this.repeatRfaCandidate = v; return this; }

        public IntakeRecord build() {
            String shard = pendingShard;
            if (shard == null && routingState == RoutingState.PENDING && intakeId != null) {
                shard = shardFor(intakeId);
            }
            return new IntakeRecord(intakeId, receivedAt, requestHash, formJson, assessmentJson, ruleSetVersion,
                    disposition, tier, score, priorityKey, patientMessage, responseJson, routingState, shard,
                    updatedAt, version == null ? 1L : version, regions == null ? List.of() : List.copyOf(regions),
                    dueAt, redFlags == null ? List.of() : List.copyOf(redFlags), repeatRfaCandidate);
        }
    }
}
