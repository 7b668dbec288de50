package io.weft.server.api.port;

import static java.util.Objects.requireNonNull;

import io.weft.server.api.operator.OperatorApiModule;
import io.weft.server.api.rest.RestRequest;
import io.weft.server.api.rest.RestResponse;
import io.weft.server.compute.NicService;
import io.weft.server.compute.NicSpec;
import io.weft.server.compute.NicView;
import io.weft.server.dispatch.ChangeStatus;
import io.weft.server.dispatch.ConvergenceQueries;
import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.network.NetworkService;
import io.weft.server.securitygroup.GroupRef;
import io.weft.server.service.Mutation;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The compute side's port operations ({@code /ports} in {@code weft-rest.openapi.yaml}): a port is
 * a NIC without a VM that the compute side binds to the host its VM runs on. Authorization is the
 * services' (binding is root-only; the compute side authenticates as an admin or service account).
 */
public final class PortApi {
    /** The description's maxItems for security groups. */
    static final int MAX_GROUPS = 16;

    private final NicService nics;
    private final NetworkService networks;
    private final WiredPorts wired;
    private final ConvergenceQueries convergence;

    @Inject
    public PortApi(NicService nics, NetworkService networks, WiredPorts wired, ConvergenceQueries convergence) {
        this.nics = requireNonNull(nics, "nics is null");
        this.networks = requireNonNull(networks, "networks is null");
        this.wired = requireNonNull(wired, "wired is null");
        this.convergence = requireNonNull(convergence, "convergence is null");
    }

    RestResponse create(RestRequest request) {
        JsonBody body = JsonBody.of(
                request.body(),
                Set.of(
                        "networkId",
                        "securityGroupIds",
                        "ipAddress",
                        "macAddress",
                        "portSecurityEnabled",
                        "description"));
        UUID networkId = body.requiredUuid("networkId");
        // The port belongs to the network's account, whoever (an admin, the compute side) asks.
        UUID owner = networks.get(request.caller(), networkId).accountId();
        NicSpec spec = new NicSpec(
                networkId,
                body.text("ipAddress"),
                Optional.empty(),
                body.text("macAddress"),
                body.uuids("securityGroupIds", MAX_GROUPS).map(PortApi::refs),
                body.bool("portSecurityEnabled").orElse(true),
                List.of(),
                body.text("description"));
        NicView port = nics.create(request.caller(), Optional.of(owner), spec).value();
        return RestResponse.created(portJson(port));
    }

    RestResponse get(RestRequest request) {
        return RestResponse.ok(portJson(nics.get(request.caller(), request.pathUuid("portId"))));
    }

    RestResponse bind(RestRequest request) {
        UUID hostId = JsonBody.of(request.body(), Set.of("hostId")).requiredUuid("hostId");
        // Read before writing: a bad waitSeconds must not leave a change behind.
        Optional<Duration> wait = request.waitFor();
        return changed(nics.bind(request.caller(), request.pathUuid("portId"), hostId), wait);
    }

    RestResponse unbind(RestRequest request) {
        // Read before writing: a bad waitSeconds must not leave a change behind.
        Optional<Duration> wait = request.waitFor();
        return changed(nics.unbind(request.caller(), request.pathUuid("portId")), wait);
    }

    RestResponse setGroups(RestRequest request) {
        List<UUID> groups = JsonBody.of(request.body(), Set.of("securityGroupIds"))
                .uuids("securityGroupIds", MAX_GROUPS)
                .orElseThrow(() -> new WeftException(ErrorCode.MISSING_PARAMETER, "securityGroupIds is required"));
        // Read before writing: a bad waitSeconds must not leave a change behind.
        Optional<Duration> wait = request.waitFor();
        return changed(nics.setGroups(request.caller(), request.pathUuid("portId"), refs(groups)), wait);
    }

    RestResponse delete(RestRequest request) {
        UUID portId = request.pathUuid("portId");
        nics.delete(request.caller(), portId);
        wired.forget(portId.toString());
        return RestResponse.noContent();
    }

    /** The port after the change, and where the change stands (after waiting, when asked to). */
    private RestResponse changed(Mutation<NicView> mutation, Optional<Duration> wait) {
        // Every port mutation writes a nic change record; without one nothing needs to become live.
        ChangeStatus status = mutation.lastChangeId()
                .map(id -> wait.map(timeout -> convergence.awaitApplied(id, timeout))
                        .orElseGet(() -> convergence.change(id)))
                .orElseGet(() -> ChangeStatus.of(0, Map.of()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("port", portJson(mutation.value()));
        json.put("change", OperatorApiModule.changeJson(status));
        return RestResponse.ok(json);
    }

    /** A port as the description's {@code Port} schema; {@code wired} is read at answer time. */
    Map<String, Object> portJson(NicView nic) {
        Optional<String> hostId = nic.hostId().map(UUID::toString);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", nic.id().toString());
        json.put("networkId", nic.networkId().toString());
        json.put("macAddress", nic.macAddress());
        json.put("ipAddress", nic.ipAddress().orElse(null));
        json.put("tapDevice", nic.tapName());
        json.put("hostId", hostId.orElse(null));
        json.put(
                "securityGroupIds",
                nic.groups().stream().map(group -> group.id().toString()).toList());
        json.put("portSecurityEnabled", nic.portSecurity());
        json.put("wired", wired.isWired(nic.id().toString(), hostId));
        return json;
    }

    private static List<GroupRef> refs(List<UUID> ids) {
        return ids.stream().map(id -> (GroupRef) new GroupRef.ById(id)).toList();
    }
}
