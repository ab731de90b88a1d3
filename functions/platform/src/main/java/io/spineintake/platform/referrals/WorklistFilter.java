package io.spineintake.platform.referrals;

import io.spineintake.triage.assess.Disposition;
import io.spineintake.triage.assess.Tier;
import io.spineintake.triage.form.Region;

/** Worklist filters; a null field does not filter. {@code region} matches any of a referral's regions. */
public record WorklistFilter(ReferralStatus status, Disposition disposition, Region region, Tier tier, String assignee) {
}
