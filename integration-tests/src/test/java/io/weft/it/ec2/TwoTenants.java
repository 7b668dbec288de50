package io.weft.it.ec2;

import static java.util.Objects.requireNonNull;

import io.weft.server.tenancy.UserKeys;
import java.nio.file.Path;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * A server with two tenants, alice and bob, each with API keys and an EC2 client: the fleet of the
 * tests that check what one tenant may do to, or see of, the other's objects.
 */
record TwoTenants(Ec2Server weft, UserKeys aliceKeys, UserKeys bobKeys, Ec2Client alice, Ec2Client bob)
        implements AutoCloseable {
    TwoTenants {
        requireNonNull(weft, "weft is null");
        requireNonNull(aliceKeys, "aliceKeys is null");
        requireNonNull(bobKeys, "bobKeys is null");
        requireNonNull(alice, "alice is null");
        requireNonNull(bob, "bob is null");
    }

    /** Starts the server on {@code dataDir} and creates alice, then bob; on failure stops the server. */
    static TwoTenants start(Path dataDir) {
        Ec2Server weft = new Ec2Server(dataDir);
        try {
            UserKeys aliceKeys = weft.tenant("alice");
            UserKeys bobKeys = weft.tenant("bob");
            return new TwoTenants(weft, aliceKeys, bobKeys, weft.client(aliceKeys), weft.client(bobKeys));
        } catch (RuntimeException e) {
            weft.close();
            throw e;
        }
    }

    @Override
    public void close() {
        alice.close();
        bob.close();
        weft.close();
    }
}
