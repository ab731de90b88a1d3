package io.spineintake.triage.block;

/** The kinds of facet session the LCD limits per rolling 12 months and region group. */
public enum SessionKind { DIAGNOSTIC, THERAPEUTIC, RFA }
