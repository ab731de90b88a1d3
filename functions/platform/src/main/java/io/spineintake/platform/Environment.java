package io.spineintake.platform;

import java.util.Objects;

/**
 * What a handler is built from: its configuration and its AWS clients. Lambda's comes from the
 * process environment ({@link #forLambda()}); the local runner and tests make their own, with
 * endpoints and credentials of the local backends.
 */
public record Environment(Config config, AwsClients clients) {
    public Environment {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clients, "clients");
    }

    /** The function's environment in Lambda: variables from the process, clients built once. */
    public static Environment forLambda() {
        Config config = Config.fromEnvironment();
        return new Environment(config, AwsClients.forLambda(config));
    }
}
