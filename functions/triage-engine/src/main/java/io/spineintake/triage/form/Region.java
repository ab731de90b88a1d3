package io.spineintake.triage.form;

/** Spinal region of a pain complaint. */
public enum Region { CERVICAL, THORACIC, LUMBAR }
