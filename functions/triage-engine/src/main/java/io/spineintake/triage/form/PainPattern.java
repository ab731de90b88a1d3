package io.spineintake.triage.form;

/** Where the pain mostly is: in the spine (axial) or in an arm or leg (limb). */
public enum PainPattern { MOSTLY_AXIAL, MOSTLY_LIMB }
