/**
 * After the block (spec section 7): a medial branch block episode as the clinic records it, the
 * patient's diary, and what they decide: relief at each time point, peak relief, how long relief
 * lasted at each threshold, the verdict per threshold against the anaesthetic's expected minimum
 * duration, the concordance of two blocks, radiofrequency ablation (RFA) candidacy and the
 * Medicare LCD's frequency limits. Pure: records in, records out; the clinic-tunable figures come
 * in as {@link io.spineintake.triage.block.BlockRules}, read by
 * {@link io.spineintake.triage.rules.BlockRuleFile}.
 */
package io.spineintake.triage.block;
