package io.spineintake.triage.rules;

/**
 * Which way a scoring rule may push the score. The loader refuses a file that gives a facet sign
 * negative points or a radicular feature positive ones: that keeps the score monotone (spec 5).
 */
public enum RuleKind { FACET, RADICULAR }
