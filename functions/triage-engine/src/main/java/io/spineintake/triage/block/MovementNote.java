package io.spineintake.triage.block;

import java.util.Objects;

/**
 * At one time point, one aggravating movement: whether the patient tried it and, if so, whether it
 * was easier, the same or harder. Not tried means no change is recorded ({@code change} null).
 */
public record MovementNote(Movement movement, boolean tried, MovementChange change) {
    public MovementNote {
        Objects.requireNonNull(movement, "movement");
        if (tried && change == null) {
            throw new IllegalArgumentException("a movement that was tried says easier, same or harder");
        }
        if (!tried && change != null) {
            throw new IllegalArgumentException("a movement that was not tried has no change");
        }
    }
}
