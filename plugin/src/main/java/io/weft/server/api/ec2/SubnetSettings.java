package io.weft.server.api.ec2;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The EC2-only settings of a subnet, with AWS's defaults: what ModifySubnetAttribute changes and every
 * subnet answer carries. Weft does not act on them (it assigns no public addresses and runs no DNS64),
 * but Terraform and Ansible compare them with what they asked for, so they are kept and reported.
 */
final class SubnetSettings {
    /** The boolean settings: wire name of ModifySubnetAttribute (with {@code .Value}) → stored name. */
    static final Map<String, String> BOOLEANS = booleans();

    static final String HOSTNAME_TYPE = "privateDnsHostnameTypeOnLaunch";
    static final List<String> HOSTNAME_TYPES = List.of("ip-name", "resource-name");

    private final Map<String, String> stored;

    SubnetSettings(Map<String, String> stored) {
        this.stored = Map.copyOf(stored);
    }

    private static Map<String, String> booleans() {
        Map<String, String> names = new LinkedHashMap<>();
        for (String name : List.of(
                "mapPublicIpOnLaunch",
                "assignIpv6AddressOnCreation",
                "enableDns64",
                "mapCustomerOwnedIpOnLaunch",
                "enableResourceNameDnsARecordOnLaunch",
                "enableResourceNameDnsAAAARecordOnLaunch")) {
            names.put(Character.toUpperCase(name.charAt(0)) + name.substring(1) + ".Value", name);
        }
        return Map.copyOf(names);
    }

    /** A stored boolean, false (AWS's default for every one of them) when never set. */
    boolean flag(String name) {
        return Boolean.parseBoolean(stored.getOrDefault(name, "false"));
    }

    String hostnameType() {
        return stored.getOrDefault(HOSTNAME_TYPE, "ip-name");
    }

    Optional<String> customerOwnedIpv4Pool() {
        return Optional.ofNullable(stored.get("customerOwnedIpv4Pool"));
    }

    /** The settings' elements of a subnet item, named as DescribeSubnets names them. */
    void write(XmlOut out) {
        out.leaf("mapPublicIpOnLaunch", flag("mapPublicIpOnLaunch"))
                .leaf("mapCustomerOwnedIpOnLaunch", flag("mapCustomerOwnedIpOnLaunch"))
                .leaf("customerOwnedIpv4Pool", customerOwnedIpv4Pool())
                .leaf("assignIpv6AddressOnCreation", flag("assignIpv6AddressOnCreation"))
                .leaf("enableDns64", flag("enableDns64"))
                .leaf("ipv6Native", false)
                .start("privateDnsNameOptionsOnLaunch")
                .leaf("hostnameType", hostnameType())
                .leaf("enableResourceNameDnsARecord", flag("enableResourceNameDnsARecordOnLaunch"))
                .leaf("enableResourceNameDnsAAAARecord", flag("enableResourceNameDnsAAAARecordOnLaunch"))
                .end();
    }

    /** The filter values of the settings DescribeSubnets filters by. */
    void attributes(Ec2Attributes attributes) {
        attributes
                .put("map-public-ip-on-launch", Boolean.toString(flag("mapPublicIpOnLaunch")))
                .put("assign-ipv6-address-on-creation", Boolean.toString(flag("assignIpv6AddressOnCreation")))
                .put("enable-dns64", Boolean.toString(flag("enableDns64")))
                .put("ipv6-native", "false");
    }
}
