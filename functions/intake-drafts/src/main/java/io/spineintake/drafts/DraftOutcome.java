package io.spineintake.drafts;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import io.spineintake.platform.http.Problem;

/** What a draft request came to. */
sealed interface DraftOutcome {

    /** 201: a new draft; the code is shown to the patient once, and stored nowhere. */
    record Saved(String resumeCode, Instant expiresAt) implements DraftOutcome {
    }

    /** 200: the draft's answers. */
    record Resumed(JsonNode form, Instant expiresAt) implements DraftOutcome {
    }

    record Refused(Problem problem) implements DraftOutcome {
    }
}
