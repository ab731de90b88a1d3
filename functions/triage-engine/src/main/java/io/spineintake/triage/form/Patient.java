package io.spineintake.triage.form;

import java.time.LocalDate;

/** Personal details. All of it is patient data (PHI): never logged, never in a key or a message. */
public record Patient(
        String name,
        LocalDate dateOfBirth,
        String phone,
        String email,
        ContactChannel preferredContact,
        String postcode,
        String language) {
}
