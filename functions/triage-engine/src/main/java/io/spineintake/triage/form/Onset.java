package io.spineintake.triage.form;

public enum Onset { GRADUAL, AFTER_INJURY, AFTER_MAJOR_TRAUMA }
