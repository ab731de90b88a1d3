package io.spineintake.triage.block;

/**
 * Whose threshold of relief makes a block positive. Both verdicts are always computed; the clinic's
 * payer rule picks the one that counts. The percents are rule-set data ({@link BlockRules}): 80 for
 * the Medicare LCD, 50 for Cohen 2020 and many payers.
 */
public enum ReliefStandard { MEDICARE_LCD, COHEN_2020 }
