package io.spineintake.platform.referrals;

/** What an audit entry records: a coordinator's or the system's action on a referral. */
public enum AuditAction {
    CREATED, VIEWED, CLAIMED, RELEASED, DECIDED, ALERTED, ESCALATED,
    /** A block episode recorded on the referral (its id in {@code episodeId}). */
    BLOCK_RECORDED,
    /** The referral's blocks, diaries and verdicts were read. */
    BLOCKS_VIEWED,
    /** A diary link issued for an episode (the link itself is never recorded). */
    DIARY_LINK_ISSUED,
    /** An episode's diary link revoked (by a coordinator, or by issuing a new one). */
    DIARY_LINK_REVOKED,
    /** The patient recorded a diary entry through the link ({@code actor} "patient"). */
    DIARY_ENTRY_RECORDED,
    /** The referral was read as a FHIR Bundle (GET /referrals/{id}/fhir), for an EHR. */
    FHIR_EXPORTED,
    /** The referral's prior-authorization packet was read as JSON ({@code note}: the region). */
    PRIOR_AUTH_VIEWED,
    /** The referral's prior-authorization packet was downloaded as a PDF ({@code note}: the region). */
    PRIOR_AUTH_PDF
}
