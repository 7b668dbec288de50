package io.weft.bench.system;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;

/**
 * What the server made of a {@link io.weft.bench.scenario.Scenario}: each list is indexed like the
 * scenario's own (host {@code i} of the scenario is {@code hosts().get(i)}), so a benchmark can
 * name the server's objects by scenario index. It also holds what cannot be read back later: the
 * tenant's API secret and each host's agent secret, which the server shows only once.
 *
 * @param vms one VM per scenario NIC, at the NIC's index
 * @param nics the VM's only NIC, at the same index
 */
public record LoadedScenario(
        String shape,
        long seed,
        UUID zoneId,
        Tenant tenant,
        List<LoadedHost> hosts,
        List<UUID> networks,
        List<UUID> groups,
        List<UUID> vms,
        List<UUID> nics) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public LoadedScenario {
        requireNonNull(shape, "shape is null");
        requireNonNull(zoneId, "zoneId is null");
        requireNonNull(tenant, "tenant is null");
        hosts = List.copyOf(hosts);
        networks = List.copyOf(networks);
        groups = List.copyOf(groups);
        vms = List.copyOf(vms);
        nics = List.copyOf(nics);
        if (vms.size() != nics.size()) {
            throw new IllegalArgumentException(
                    "one VM per NIC, not " + vms.size() + " VMs for " + nics.size() + " NICs");
        }
    }

    /** The one account that owns everything, its user and that user's API keys. */
    public record Tenant(UUID domainId, UUID accountId, UUID userId, String apiKey, String secretKey) {
        public Tenant {
            requireNonNull(domainId, "domainId is null");
            requireNonNull(accountId, "accountId is null");
            requireNonNull(userId, "userId is null");
            requireNonNull(apiKey, "apiKey is null");
            requireNonNull(secretKey, "secretKey is null");
        }

        @Override
        public String toString() {
            return "Tenant[accountId=" + accountId + ", apiKey=" + apiKey + "]";
        }
    }

    /** A host and the broker login its agent uses ({@code addHost}'s credential). */
    public record LoadedHost(UUID hostId, String agentUser, String agentSecret) {
        public LoadedHost {
            requireNonNull(hostId, "hostId is null");
            requireNonNull(agentUser, "agentUser is null");
            requireNonNull(agentSecret, "agentSecret is null");
        }

        @Override
        public String toString() {
            return "LoadedHost[hostId=" + hostId + ", agentUser=" + agentUser + "]";
        }
    }

    /** Written whole then moved into place, so a half-written file never passes for a finished load. */
    public void write(Path file) {
        try {
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            JSON.writeValue(partial.toFile(), this);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static LoadedScenario read(Path file) {
        try {
            return JSON.readValue(file.toFile(), LoadedScenario.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public String toString() {
        return "LoadedScenario[" + shape + "-" + seed + ": " + hosts.size() + " hosts, " + networks.size()
                + " networks, " + groups.size() + " groups, " + vms.size() + " VMs]";
    }
}
