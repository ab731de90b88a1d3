package io.spineintake.triage.form;

public enum Side { LEFT, RIGHT, BOTH, CENTRAL }
