package io.weft.server.api.port;

/** Where {@code nic-plugged} events go: the webhook, or nowhere when none is configured. */
@FunctionalInterface
public interface NicPluggedSink {
    NicPluggedSink NONE = event -> {};

    /** Takes the event; must return at once (it is called on the dispatcher's thread). */
    void accept(NicPlugged event);
}
