package io.weft.agent.dataplane.memory;

import static java.util.Objects.requireNonNull;

import io.weft.agent.dataplane.ApplyResult;
import io.weft.agent.dataplane.Dataplane;
import io.weft.agent.dataplane.ReadBack;
import io.weft.agent.dataplane.linux.LinuxDataplane;
import io.weft.agent.dataplane.linux.LinuxHostConfig;
import io.weft.rules.diff.Operation;
import io.weft.rules.state.HostDesiredState;
import java.util.List;

/**
 * The dataplane of a simulated host: the Linux driver's exact scripts and argument vectors, fed to
 * an {@link InMemoryHost} that parses them instead of to the real tools. So the scale simulation
 * exercises the same rendering, ordering and read-back logic as a real host.
 */
public final class InMemoryDataplane implements Dataplane {
    private final InMemoryHost host;
    private final LinuxDataplane driver;

    public InMemoryDataplane() {
        this(new InMemoryHost());
    }

    public InMemoryDataplane(InMemoryHost host) {
        this.host = requireNonNull(host, "host is null");
        this.driver = new LinuxDataplane(host, LinuxHostConfig.systemDefaults());
    }

    /** The simulated host, for tests that make taps appear or cause drift. */
    public InMemoryHost host() {
        return host;
    }

    @Override
    public ReadBack readBack() {
        return driver.readBack();
    }

    @Override
    public ApplyResult apply(List<Operation> operations, HostDesiredState desired, ReadBack readBack) {
        return driver.apply(operations, desired, readBack);
    }

    @Override
    public ApplyResult applyMembers(List<Operation> operations) {
        return driver.applyMembers(operations);
    }

    @Override
    public long writeCount() {
        return driver.writeCount();
    }
}
