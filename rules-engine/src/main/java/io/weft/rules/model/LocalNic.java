package io.weft.rules.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A VM NIC plugged on this host, through the tap device the hypervisor created for it. */
public record LocalNic(
        String nicId,
        String networkId,
        MacAddress mac,
        List<IpAddress> ips,
        List<AllowedAddressPair> allowedAddressPairs,
        boolean portSecurityEnabled,
        List<String> securityGroupIds,
        String tapDevice) {
    public LocalNic {
        requireNonNull(nicId, "nicId is null");
        requireNonNull(networkId, "networkId is null");
        requireNonNull(mac, "mac is null");
        ips = List.copyOf(requireNonNull(ips, "ips is null"));
        allowedAddressPairs = List.copyOf(requireNonNull(allowedAddressPairs, "allowedAddressPairs is null"));
        securityGroupIds = List.copyOf(requireNonNull(securityGroupIds, "securityGroupIds is null"));
        requireNonNull(tapDevice, "tapDevice is null");
        if (nicId.isBlank()) {
            throw new InvalidModelException("NIC id is blank");
        }
        BridgeSettings.requireDeviceName(tapDevice, "tap device of NIC " + nicId);
        if (!portSecurityEnabled && !securityGroupIds.isEmpty()) {
            throw new InvalidModelException("NIC " + nicId + " has port security off but security groups attached");
        }
        if (securityGroupIds.stream().distinct().count() != securityGroupIds.size()) {
            throw new InvalidModelException("NIC " + nicId + " lists a security group twice");
        }
    }
}
