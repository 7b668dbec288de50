package io.weft.server.topology;

import java.util.List;

/**
 * Kinds of rows that higher features keep in a zone or on a host (networks, VMs, NICs), which keep
 * it from being deleted (IN_USE). Topology sits below the features that own those rows and does not
 * name their entities: each such feature binds one of these with Guice's {@code Multibinder}, and
 * topology counts the rows by the attribute they declare.
 */
public interface TopologyOccupants {
    /** Entity types whose {@code zone} attribute points at a {@link Zone}. */
    List<Class<?>> inZone();

    /** Entity types whose {@code host} attribute points at a {@link Host}. */
    List<Class<?>> onHost();
}
