package io.spineintake.platform;

import java.time.Clock;
import java.util.Objects;

/**
 * What a handler is built from: its configuration, its AWS clients and its clock. Lambda's comes
 * from the process environment and the system clock ({@link #forLambda()}); the local runner and
 * tests make their own, with endpoints and credentials of the local backends, and a test may hand
 * the runner a clock it moves (due times, waiting times and leases without waiting).
 */
public record Environment(Config config, AwsClients clients, Clock clock) {
    public Environment {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(clock, "clock");
    }

    /** On the system clock, as in Lambda. */
    public Environment(Config config, AwsClients clients) {
        this(config, clients, Clock.systemUTC());
    }

    /** The function's environment in Lambda: variables from the process, clients built once, the system clock. */
    public static Environment forLambda() {
        Config config = Config.fromEnvironment();
        return new Environment(config, AwsClients.forLambda(config));
    }
}
