package io.spineintake.platform.intakes;

/** Whether an intake's consult request has been handed to the consult queue. */
public enum RoutingState {
    /** Stored; not yet routed. Only PENDING intakes carry a pendingShard (so the index stays sparse). */
    PENDING,
    /** Sent to the consult queue. */
    ROUTED,
    /** Needs no consult routing (for example a red-flag disposition handled elsewhere). */
    NOT_ROUTED
}
