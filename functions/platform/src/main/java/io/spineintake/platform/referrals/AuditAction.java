package io.spineintake.platform.referrals;

/** What an audit entry records: a coordinator's or the system's action on a referral. */
public enum AuditAction { CREATED, VIEWED, CLAIMED, RELEASED, DECIDED, ALERTED, ESCALATED }
