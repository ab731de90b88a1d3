package io.spineintake.triage.rules;

/** A rule file that cannot be used. The message names the file and the bad entry. */
public final class RuleSetException extends RuntimeException {
    public RuleSetException(String message) {
        super(message);
    }

    public RuleSetException(String message, Throwable cause) {
        super(message, cause);
    }
}
