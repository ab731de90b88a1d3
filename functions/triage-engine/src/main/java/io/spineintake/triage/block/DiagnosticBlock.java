package io.spineintake.triage.block;

/** Which diagnostic medial branch block of the pathway this is. */
public enum DiagnosticBlock { FIRST, SECOND }
