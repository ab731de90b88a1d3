package io.spineintake.triage.assess;

/** Facet-likelihood tier of a score, by the rule set's thresholds. */
public enum Tier { HIGH, MODERATE, LOW }
