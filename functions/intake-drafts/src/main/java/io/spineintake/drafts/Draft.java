package io.spineintake.drafts;

import java.time.Instant;

/**
 * One stored draft. {@code dateOfBirthHash} is SHA-256 of the draft key and the date of birth, so
 * the date is not stored in clear beside the answers; {@code failedTries} counts wrong dates.
 */
record Draft(String draftKey, String formJson, String dateOfBirthHash, Instant createdAt, Instant expiresAt,
             int failedTries) {
}
