package io.spineintake.triage.assess;

public enum CriterionStatus { MET, NOT_MET, UNKNOWN }
