package io.weft.spec.host;

/** A FULL update replaces the agent's desired state; a DELTA edits it on top of its base. */
public enum UpdateKind {
    FULL,
    DELTA
}
