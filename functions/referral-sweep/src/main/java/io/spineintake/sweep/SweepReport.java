package io.spineintake.sweep;

/**
 * What one sweep did: open referrals examined, those past their due time, emergency and urgent
 * ones unclaimed past their escalation time, alerts and escalations it published, and whether it
 * stopped early (a table unreachable, or the function's time running out: the next run goes on).
 */
public record SweepReport(int open, int overdue, int unclaimedPastEscalation, int alertsSent, int escalationsSent,
                          boolean stoppedEarly) {
}
