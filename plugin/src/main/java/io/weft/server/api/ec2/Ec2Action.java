package io.weft.server.api.ec2;

import static java.util.Objects.requireNonNull;

/**
 * One EC2 action: it reads the call's parameters, calls the services, and writes the elements that
 * go under the response root (the dispatcher writes the root and {@code requestId}).
 */
record Ec2Action(String name, Handler handler) {
    Ec2Action {
        requireNonNull(name, "name is null");
        requireNonNull(handler, "handler is null");
    }

    @FunctionalInterface
    interface Handler {
        void execute(Ec2Call call, XmlOut out);
    }

    /** A small family of actions on one kind of resource, registered together. */
    interface Family {
        java.util.List<Ec2Action> actions();
    }
}
