package io.weft.bench.system.ovn;

import static io.weft.bench.system.ovn.OvsdbOperations.insert;
import static io.weft.bench.system.ovn.OvsdbOperations.namedUuid;
import static io.weft.bench.system.ovn.OvsdbOperations.references;
import static io.weft.bench.system.ovn.OvsdbOperations.set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weft.bench.system.ovn.NorthboundContent.Acl;
import io.weft.bench.system.ovn.NorthboundContent.LogicalSwitch;
import io.weft.bench.system.ovn.NorthboundContent.PortGroup;
import io.weft.bench.system.ovn.NorthboundContent.SwitchPort;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link NorthboundContent} as the operations of one OVSDB {@code transact} (RFC 7047): every
 * row is inserted under a {@code uuid-name} and referenced by it, so ten thousand ports, their
 * groups and ACLs commit at once. One process per object ({@code ovn-nbctl lsp-add} and friends)
 * would spend minutes starting processes that each read the whole database before writing a row.
 */
public final class NorthboundTransaction {

    public static final String DATABASE = "OVN_Northbound";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private NorthboundTransaction() {}

    /** The {@code transact} operations, ports first so that switches and groups can name them. */
    public static ArrayNode operations(NorthboundContent content) {
        ArrayNode operations = JSON.arrayNode();
        Map<String, String> portRowNames = new HashMap<>();
        for (LogicalSwitch logicalSwitch : content.switches()) {
            for (SwitchPort port : logicalSwitch.ports()) {
                String rowName = "lsp" + portRowNames.size();
                portRowNames.put(port.name(), rowName);
                ObjectNode row =
                        JSON.objectNode().put("name", port.name()).set("addresses", set(List.of(port.address())));
                row.set("port_security", set(List.of(port.address())));
                operations.add(insert("Logical_Switch_Port", rowName, row));
            }
        }
        int switchIndex = 0;
        for (LogicalSwitch logicalSwitch : content.switches()) {
            ObjectNode row = JSON.objectNode().put("name", logicalSwitch.name());
            row.set(
                    "ports",
                    references(logicalSwitch.ports().stream()
                            .map(p -> portRowNames.get(p.name()))
                            .toList()));
            operations.add(insert("Logical_Switch", "ls" + switchIndex++, row));
        }
        int aclIndex = 0;
        int groupIndex = 0;
        for (PortGroup group : content.portGroups()) {
            int first = aclIndex;
            for (Acl acl : group.acls()) {
                ObjectNode row = JSON.objectNode()
                        .put("direction", acl.direction())
                        .put("priority", acl.priority())
                        .put("match", acl.match())
                        .put("action", acl.action());
                operations.add(insert("ACL", "acl" + aclIndex++, row));
            }
            ObjectNode row = JSON.objectNode().put("name", group.name());
            row.set(
                    "ports",
                    references(group.ports().stream().map(portRowNames::get).toList()));
            ArrayNode acls = JSON.arrayNode();
            for (int i = first; i < aclIndex; i++) {
                acls.add(namedUuid("acl" + i));
            }
            row.set("acls", JSON.arrayNode().add("set").add(acls));
            operations.add(insert("Port_Group", "pg" + groupIndex++, row));
        }
        return operations;
    }

    /**
     * Asks northd to confirm it has caught up: {@code NB_Global.nb_cfg += 1}, the write behind
     * {@code ovn-nbctl --wait}. northd copies it to {@code sb_cfg} once the southbound database
     * reflects this transaction, and to {@code hv_cfg} once every chassis has installed it.
     */
    public static ObjectNode bumpNbCfg() {
        ObjectNode operation = JSON.objectNode().put("op", "mutate").put("table", "NB_Global");
        operation.set("where", JSON.arrayNode());
        operation.set(
                "mutations",
                JSON.arrayNode().add(JSON.arrayNode().add("nb_cfg").add("+=").add(1)));
        return operation;
    }

    /** {@code Port_Group[name].ports} gains or loses one port, known by its row's UUID. */
    public static ObjectNode changeMembership(String portGroup, String portUuid, boolean join) {
        ObjectNode operation = JSON.objectNode().put("op", "mutate").put("table", "Port_Group");
        operation.set(
                "where",
                JSON.arrayNode().add(JSON.arrayNode().add("name").add("==").add(portGroup)));
        ArrayNode member = JSON.arrayNode()
                .add("set")
                .add(JSON.arrayNode().add(JSON.arrayNode().add("uuid").add(portUuid)));
        operation.set(
                "mutations",
                JSON.arrayNode()
                        .add(JSON.arrayNode()
                                .add("ports")
                                .add(join ? "insert" : "delete")
                                .add(member)));
        return operation;
    }
}
