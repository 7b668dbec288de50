package io.weft.server.api.cloudstack.commands;

import io.weft.server.topology.IsolationType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The three network offerings Weft serves, one per isolation type. Their ids never change, so
 * that scripts and Terraform files that name them keep working across servers.
 */
final class NetworkOfferings {
    record Offering(UUID id, String name, String displaytext, IsolationType isolation, boolean isdefault) {}

    static final List<Offering> ALL = List.of(
            new Offering(
                    UUID.fromString("7e1d5c1a-9a3b-4c52-8f0e-000000000001"),
                    "WeftIsolatedVxlan",
                    "Isolated guest network, VXLAN",
                    IsolationType.VXLAN,
                    true),
            new Offering(
                    UUID.fromString("7e1d5c1a-9a3b-4c52-8f0e-000000000002"),
                    "WeftIsolatedGre",
                    "Isolated guest network, GRE",
                    IsolationType.GRE,
                    false),
            new Offering(
                    UUID.fromString("7e1d5c1a-9a3b-4c52-8f0e-000000000003"),
                    "WeftIsolatedVlan",
                    "Isolated guest network, VLAN",
                    IsolationType.VLAN,
                    false));

    private NetworkOfferings() {}

    static Optional<Offering> byId(UUID id) {
        return ALL.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    static Offering of(IsolationType isolation) {
        return ALL.stream().filter(o -> o.isolation() == isolation).findFirst().orElseThrow();
    }

    /** The services every offering and network lists: jclouds needs the array, cmk shows it. */
    static List<ServiceResponse> services() {
        return List.of(
                new ServiceResponse("SecurityGroup", List.of(new ProviderResponse("Weft")), List.of()),
                new ServiceResponse(
                        "Connectivity",
                        List.of(new ProviderResponse("Weft")),
                        List.of(new CapabilityResponse("StretchedL2Subnet", "false"))));
    }

    record ServiceResponse(String name, List<ProviderResponse> provider, List<CapabilityResponse> capability) {}

    record ProviderResponse(String name) {}

    record CapabilityResponse(String name, String value) {}

    /**
     * CloudStack names here the system offering of the offering's virtual router. Weft runs no
     * router, so there is none; the key is still sent, empty, because Libcloud's
     * {@code CloudStackNodeDriver.ex_list_network_offerings} reads {@code netoffer['serviceofferingid']}
     * unconditionally and fails with a KeyError without it.
     */
    static final String NO_ROUTER_OFFERING = "";

    record OfferingResponse(
            String id,
            String name,
            String displaytext,
            String guestiptype,
            String traffictype,
            boolean isdefault,
            boolean specifyvlan,
            boolean specifyipranges,
            String availability,
            String state,
            boolean forvpc,
            String serviceofferingid,
            List<ServiceResponse> service,
            // CloudStack's offering tags are one comma-separated string (null: none), not a tag list.
            String tags) {
        static OfferingResponse of(Offering offering) {
            return new OfferingResponse(
                    offering.id().toString(),
                    offering.name(),
                    offering.displaytext(),
                    "Isolated",
                    "Guest",
                    offering.isdefault(),
                    false,
                    false,
                    offering.isdefault() ? "Required" : "Optional",
                    "Enabled",
                    false,
                    NO_ROUTER_OFFERING,
                    services(),
                    null);
        }
    }
}
