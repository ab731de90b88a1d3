package io.spineintake.platform.referrals;

/** Where a referral stands on the worklist. */
public enum ReferralStatus {
    /** Nobody holds it. */
    NEW,
    /** Claimed: the assignee holds a lease until leaseUntil; an expired lease can be taken. */
    IN_REVIEW,
    /** Waiting for the patient; back on the worklist, unclaimed. */
    WAITING_FOR_PATIENT,
    /** Closed by a decision; off the worklist. */
    DECIDED
}
