package io.weft.rules.diff;

import static java.util.Objects.requireNonNull;

import io.weft.rules.state.DesiredEntry;

/** One step from the actual to the desired state: put an entry, or take one away. */
public sealed interface Operation permits Operation.Upsert, Operation.Remove {
    String key();

    Phase phase();

    /** Create or replace {@code entry} under its key. */
    record Upsert(DesiredEntry entry) implements Operation {
        public Upsert {
            requireNonNull(entry, "entry is null");
        }

        @Override
        public String key() {
            return entry.key();
        }

        @Override
        public Phase phase() {
            return Phase.ofUpsert(entry);
        }
    }

    /** Delete the entry under its key; {@code previous} is what was there, which renderers need to undo it. */
    record Remove(DesiredEntry previous) implements Operation {
        public Remove {
            requireNonNull(previous, "previous is null");
        }

        @Override
        public String key() {
            return previous.key();
        }

        @Override
        public Phase phase() {
            return Phase.ofRemove(previous);
        }
    }
}
