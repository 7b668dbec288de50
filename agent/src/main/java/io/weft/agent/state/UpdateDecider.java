package io.weft.agent.state;

import io.weft.rules.state.DesiredEntry;
import io.weft.rules.state.HostDesiredState;
import io.weft.spec.host.HostUpdate;
import io.weft.spec.host.UpdateKind;
import io.weft.spec.host.WireEntry;
import java.util.TreeMap;

/**
 * The agent's ordering rules, as a pure function of what it holds and the update it received:
 * a FULL replaces, a DELTA applies only on top of its base and must land on the announced hash,
 * and anything already applied is acknowledged again without touching the dataplane.
 */
public final class UpdateDecider {
    private UpdateDecider() {}

    public static UpdateDecision decide(AgentState held, HostUpdate update) {
        if (!update.generation().isAfter(held.applied()) && !held.isInitial()) {
            return new UpdateDecision.AckAgain();
        }
        return update.kind() == UpdateKind.FULL ? full(update) : delta(held, update);
    }

    private static UpdateDecision full(HostUpdate update) {
        TreeMap<String, DesiredEntry> entries = new TreeMap<>();
        for (WireEntry wire : update.upserts()) {
            DesiredEntry entry;
            try {
                entry = WireEntries.fromWire(wire);
            } catch (IllegalArgumentException e) {
                return new UpdateDecision.Reject("FULL " + update.generation() + " has a bad entry: " + e.getMessage());
            }
            if (entries.put(entry.key(), entry) != null) {
                return new UpdateDecision.Reject("FULL " + update.generation() + " repeats key " + entry.key());
            }
        }
        HostDesiredState desired = new HostDesiredState(entries);
        String hash = desired.hash();
        if (!hash.equals(update.desiredHash())) {
            // A FULL is the server's whole truth; if it does not hash to what it claims, asking
            // for it again would only loop, so keep the old state and report the fault.
            return new UpdateDecision.Reject(
                    "FULL " + update.generation() + " hashes to " + hash + ", not " + update.desiredHash());
        }
        return new UpdateDecision.Accept(new AgentState(update.generation(), desired, hash));
    }

    private static UpdateDecision delta(AgentState held, HostUpdate update) {
        if (!update.base().equals(held.applied())) {
            return new UpdateDecision.RequestFull("DELTA " + update.generation() + " is on base " + update.base()
                    + " but " + held.applied() + " is applied");
        }
        TreeMap<String, DesiredEntry> entries = new TreeMap<>(held.desired().entries());
        for (String key : update.deletes()) {
            entries.remove(key);
        }
        for (WireEntry wire : update.upserts()) {
            DesiredEntry entry;
            try {
                entry = WireEntries.fromWire(wire);
            } catch (IllegalArgumentException e) {
                return new UpdateDecision.RequestFull(
                        "DELTA " + update.generation() + " has a bad entry: " + e.getMessage());
            }
            entries.put(entry.key(), entry);
        }
        HostDesiredState desired = new HostDesiredState(entries);
        String hash = desired.hash();
        if (!hash.equals(update.desiredHash())) {
            return new UpdateDecision.RequestFull("DELTA " + update.generation() + " leads to hash " + hash
                    + ", not the announced " + update.desiredHash());
        }
        return new UpdateDecision.Accept(new AgentState(update.generation(), desired, hash));
    }
}
