package io.spineintake.triage.block;

/** Whether the pain after the block is lower than the baseline, the same, or higher (worse). */
public enum ReliefDirection { RELIEF, NO_CHANGE, WORSE }
