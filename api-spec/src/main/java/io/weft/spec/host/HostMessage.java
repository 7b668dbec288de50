package io.weft.spec.host;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A message between the management server and a host agent. Every message names its schema
 * version and the host it concerns; the JSON form carries a {@code type} discriminator and is
 * described by {@code host-messages.schema.json}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = HostUpdate.class, name = "update"),
    @JsonSubTypes.Type(value = HostAck.class, name = "ack"),
    @JsonSubTypes.Type(value = ResyncRequest.class, name = "resync"),
    @JsonSubTypes.Type(value = Heartbeat.class, name = "heartbeat"),
    @JsonSubTypes.Type(value = PortStatus.class, name = "port-status")
})
public sealed interface HostMessage permits HostUpdate, HostAck, ResyncRequest, Heartbeat, PortStatus {
    /** The schema version this code writes; readers accept this version only. */
    int SCHEMA_VERSION = 1;

    int schema();

    String hostId();
}
