package io.spineintake.triage.form;

/** Local anaesthetic used for a diagnostic block; it sets how long relief is expected to last. */
public enum Anaesthetic { LIDOCAINE, BUPIVACAINE, UNKNOWN }
