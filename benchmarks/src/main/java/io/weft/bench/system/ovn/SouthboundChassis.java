package io.weft.bench.system.ovn;

import static io.weft.bench.system.ovn.OvsdbOperations.insert;
import static io.weft.bench.system.ovn.OvsdbOperations.namedUuid;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weft.bench.scenario.Scenario;

/**
 * The hypervisors that are not real, registered in the southbound database with the rows {@code
 * ovn-sbctl chassis-add <name> geneve <ip>} and {@code ovn-sbctl lsp-bind <port> <name>} write: a
 * Chassis with its tunnel endpoint (an Encap row), and its NICs' Port_Bindings pointing at it. As
 * one transaction: ovn-sbctl reads the whole southbound database, logical flows included, before
 * each batch of commands, which at M took most of a minute per batch.
 */
public final class SouthboundChassis {

    public static final String DATABASE = "OVN_Southbound";

    /** OVN's own tunnel type; Weft uses VXLAN, but OVN's VXLAN mode is its restricted fallback. */
    public static final String ENCAP = "geneve";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SouthboundChassis() {}

    /** The chassis name, the scenario host's name ({@code hv-00042}): also the real one's system-id. */
    public static String chassisName(Scenario.Host host) {
        return host.name();
    }

    /**
     * The {@code transact} operations registering every host except {@code realHost} and binding
     * its NICs' ports. The Port_Binding rows must already exist: northd creates them from the
     * northbound ports.
     */
    public static ArrayNode operations(Scenario scenario, int realHost) {
        ArrayNode operations = JSON.arrayNode();
        for (Scenario.Host host : scenario.hosts()) {
            if (host.index() == realHost) {
                continue;
            }
            String chassis = chassisName(host);
            String encapRow = "encap" + host.index();
            String chassisRow = "chassis" + host.index();
            ObjectNode encap = JSON.objectNode()
                    .put("type", ENCAP)
                    .put("ip", host.underlayIp())
                    .put("chassis_name", chassis);
            encap.set(
                    "options",
                    JSON.arrayNode()
                            .add("map")
                            .add(JSON.arrayNode()
                                    .add(JSON.arrayNode().add("csum").add("true"))));
            operations.add(insert("Encap", encapRow, encap));
            ObjectNode row = JSON.objectNode().put("name", chassis).put("hostname", chassis);
            row.set("encaps", namedUuid(encapRow));
            operations.add(insert("Chassis", chassisRow, row));
        }
        for (Scenario.Nic nic : scenario.nics()) {
            if (nic.host() == realHost) {
                continue;
            }
            ObjectNode update = JSON.objectNode().put("op", "update").put("table", "Port_Binding");
            update.set(
                    "where",
                    JSON.arrayNode()
                            .add(JSON.arrayNode()
                                    .add("logical_port")
                                    .add("==")
                                    .add(NorthboundTranslation.portName(nic))));
            update.set("row", JSON.objectNode().set("chassis", namedUuid("chassis" + nic.host())));
            operations.add(update);
        }
        return operations;
    }
}
