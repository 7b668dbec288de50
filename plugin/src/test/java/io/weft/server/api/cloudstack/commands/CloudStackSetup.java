package io.weft.server.api.cloudstack.commands;

import io.weft.testsupport.cloudstack.CloudStackClient;
import io.weft.testsupport.cloudstack.CloudStackTenants;
import io.weft.testsupport.cloudstack.CloudStackTopology;
import io.weft.testsupport.cloudstack.Params;

/** What several command tests set up first, through the CloudStack API like any client. */
final class CloudStackSetup {
    private CloudStackSetup() {}

    /** A new account named {@code name} with one user, created by {@code admin}; returns a client as that user. */
    static CloudStackClient tenant(CloudStackClient admin, String name) {
        return CloudStackTenants.client(admin, name);
    }

    /** Creates an Advanced zone (root admins) and returns its id. */
    static String advancedZone(CloudStackClient admin, String name) {
        return CloudStackTopology.advancedZone(admin, name, Params.none());
    }

    /** Creates a /24 network of the first network offering, gateway {@code gateway}; returns its id. */
    static String network(CloudStackClient client, String name, String zone, String gateway) {
        String offering = client.ok("listNetworkOfferings")
                .get("networkoffering")
                .get(0)
                .get("id")
                .asText();
        return client.ok(
                        "createNetwork",
                        Params.of("name", name)
                                .and("zoneid", zone)
                                .and("networkofferingid", offering)
                                .and("gateway", gateway)
                                .and("netmask", "255.255.255.0"))
                .get("network")
                .get("id")
                .asText();
    }
}
