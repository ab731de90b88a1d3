package io.spineintake.triage.block;

/** How a movement felt after the block compared with before it. */
public enum MovementChange { EASIER, SAME, HARDER }
