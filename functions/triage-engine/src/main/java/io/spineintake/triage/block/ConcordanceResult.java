package io.spineintake.triage.block;

/** Whether two blocks with different anaesthetics lasted as their anaesthetics would predict. */
public enum ConcordanceResult { CONCORDANT, DISCORDANT, NOT_APPLICABLE }
