package io.weft.bench.rules;

import io.weft.rules.state.HostDesiredState;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A new copy of the acceptance host's state before every call. {@link HostDesiredState#hash()} is
 * computed once per instance and then cached, so measuring it needs an instance that has never
 * been hashed; the copy is made outside the timed call. Per-invocation setup is acceptable here
 * because one hash takes milliseconds, far above the setup's own timing overhead.
 */
@State(Scope.Thread)
public class FreshStateCopy {
    HostDesiredState unhashed;

    @Setup(Level.Invocation)
    public void copy(LargeHostState host) {
        unhashed = HostDesiredState.fromEntries(host.desired.entries());
    }
}
