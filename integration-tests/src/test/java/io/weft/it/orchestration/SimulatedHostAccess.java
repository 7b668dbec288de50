package io.weft.it.orchestration;

import java.nio.file.Path;

/** Lets tests in other packages run a simulated host agent. */
public final class SimulatedHostAccess implements AutoCloseable {
    private final SimulatedHost host;

    private SimulatedHostAccess(SimulatedHost host) {
        this.host = host;
    }

    public static SimulatedHostAccess start(
            String hostId, String brokerUrl, String user, String password, Path stateDir) {
        return new SimulatedHostAccess(new SimulatedHost(hostId, brokerUrl, user, password, stateDir).start());
    }

    @Override
    public void close() {
        host.close();
    }
}
