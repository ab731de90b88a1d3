package io.spineintake.diary;

import io.spineintake.platform.http.Problem;

/** What a diary request came to: an answer (status and body) or a refusal. */
sealed interface DiaryOutcome {
    record Answered(int status, Object body) implements DiaryOutcome {
    }

    record Refused(Problem problem) implements DiaryOutcome {
    }
}
