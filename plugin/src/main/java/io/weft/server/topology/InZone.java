package io.weft.server.topology;

/** A pod, cluster or host: named uniquely within its zone. */
interface InZone extends Named {
    Zone getZone();

    void setName(String name);
}
