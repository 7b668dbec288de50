package io.weft.agent.state;

import static java.util.Objects.requireNonNull;

/** What to do with one update, decided without touching anything. */
public sealed interface UpdateDecision {

    /** Take {@code next} as the new desired state, program the dataplane, ack its generation. */
    record Accept(AgentState next) implements UpdateDecision {
        public Accept {
            requireNonNull(next, "next is null");
        }
    }

    /** Already applied (a duplicate or an old, late message): ack what we hold, write nothing. */
    record AckAgain() implements UpdateDecision {}

    /** The update cannot be applied on what we hold: ask the server for FULL. */
    record RequestFull(String reason) implements UpdateDecision {
        public RequestFull {
            requireNonNull(reason, "reason is null");
        }
    }

    /** The update is inconsistent in itself: keep what we hold and report the error. */
    record Reject(String error) implements UpdateDecision {
        public Reject {
            requireNonNull(error, "error is null");
        }
    }
}
