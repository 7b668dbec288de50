package io.weft.server.dispatch;

import java.util.function.UnaryOperator;

/**
 * Wraps the channel the dispatcher sends through. Production binds the identity; fault-injection
 * tests bind a channel that drops, duplicates, delays and reorders.
 */
@FunctionalInterface
public interface HostChannelDecorator extends UnaryOperator<HostChannel> {
    HostChannelDecorator NONE = channel -> channel;
}
