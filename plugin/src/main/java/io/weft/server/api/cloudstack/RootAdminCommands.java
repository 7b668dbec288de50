package io.weft.server.api.cloudstack;

import io.weft.server.tenancy.Caller;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The commands that CloudStack's default roles give to the Root Admin role alone: the
 * infrastructure (zones, pods, clusters, hosts and their maintenance), service offerings, global
 * configuration and moving VMs between hosts. For anyone else CloudStack's API checker answers
 * such a command as if it did not exist (errorcode 432), before it looks at a single parameter, so
 * that a tenant learns nothing about the command's parameters either. The services check the role
 * again (PERMISSION_DENIED), which is what the REST and EC2 edges see.
 */
public final class RootAdminCommands {
    private static final Set<String> NAMES = lowerCase(Set.of(
            "createZone",
            "updateZone",
            "deleteZone",
            "createPod",
            "listPods",
            "updatePod",
            "deletePod",
            "addCluster",
            "listClusters",
            "updateCluster",
            "deleteCluster",
            "addHost",
            "listHosts",
            "updateHost",
            "deleteHost",
            "prepareHostForMaintenance",
            "cancelHostMaintenance",
            "createServiceOffering",
            "updateServiceOffering",
            "deleteServiceOffering",
            "listConfigurations",
            "migrateVirtualMachine"));

    private RootAdminCommands() {}

    /** Whether {@code caller} may run the command {@code name} (matched case-insensitively, as commands are). */
    public static boolean availableTo(Caller caller, String name) {
        return caller.isRootAdmin() || !NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    /** CloudStack's text for a command that is not available to the caller, word for word. */
    static String notAvailableText(String name) {
        return "The given command:" + name + " does not exist or it is not available for user";
    }

    private static Set<String> lowerCase(Set<String> names) {
        Set<String> lower = new TreeSet<>();
        names.forEach(name -> lower.add(name.toLowerCase(Locale.ROOT)));
        return Set.copyOf(lower);
    }
}
