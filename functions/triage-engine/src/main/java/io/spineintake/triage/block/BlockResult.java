package io.spineintake.triage.block;

/** A block's verdict at one threshold; NO_ENTRIES when the diary has no entry at all. */
public enum BlockResult { POSITIVE, NEGATIVE, NO_ENTRIES }
