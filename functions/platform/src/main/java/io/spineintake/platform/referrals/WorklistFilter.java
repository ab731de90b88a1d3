package io.spineintake.platform.referrals;

/** Worklist filters; a null field does not filter. {@code region} matches any of a referral's regions. */
public record WorklistFilter(String status, String disposition, String region, String tier, String assignee) {
}
