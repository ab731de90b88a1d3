package io.spineintake.triage.form;

public enum ContactChannel { PHONE, SMS, EMAIL }
