package io.weft.server.dispatch;

import io.weft.spec.host.HostUpdate;

/** Delivers updates to a host's own queue. A failed send is retried by the dispatcher, not here. */
public interface HostChannel {
    void send(HostUpdate update) throws Exception;
}
