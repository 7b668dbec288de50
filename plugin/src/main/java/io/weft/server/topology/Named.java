package io.weft.server.topology;

/** A zone, pod, cluster or host, as an IN_USE message names it. */
interface Named {
    String getName();
}
