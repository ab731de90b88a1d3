package io.spineintake.platform.referrals;

/** What an audit entry records. */
public enum AuditAction { CREATED, VIEWED, CLAIMED, RELEASED, DECIDED }
