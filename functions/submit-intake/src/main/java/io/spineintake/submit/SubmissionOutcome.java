package io.spineintake.submit;

import io.spineintake.platform.http.Problem;

/** What a submission came to: an intake stored (or replayed), or a problem for the client. */
public sealed interface SubmissionOutcome {
    /** 201: {@code receiptJson} is the exact body first sent for this intake; replayed when it was sent before. */
    record Stored(String intakeId, String receiptJson, boolean replayed) implements SubmissionOutcome {
    }

    record Refused(Problem problem) implements SubmissionOutcome {
    }
}
