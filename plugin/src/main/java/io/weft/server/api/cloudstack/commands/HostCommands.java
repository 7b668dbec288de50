package io.weft.server.api.cloudstack.commands;

import static java.util.Objects.requireNonNull;

import io.weft.server.api.cloudstack.ApiConfig;
import io.weft.server.api.cloudstack.CloudStackResult;
import io.weft.server.api.cloudstack.Params;
import io.weft.server.api.cloudstack.commands.TopologyResponses.HostResponse;
import io.weft.server.compute.VirtualMachineService;
import io.weft.server.tenancy.Caller;
import io.weft.server.topology.AddedHost;
import io.weft.server.topology.HostService;
import io.weft.server.topology.HostSpec;
import io.weft.server.topology.HostState;
import io.weft.server.topology.HostView;
import io.weft.server.topology.HypervisorType;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code addHost}, {@code listHosts}, {@code deleteHost}. */
final class HostCommands {
    private HostCommands() {}

    static final class Add extends SyncCommand {
        private final HostService hosts;

        @Inject
        Add(HostService hosts) {
            super("addHost");
            this.hosts = requireNonNull(hosts, "hosts is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            // CloudStack's url names the hypervisor (http://10.0.0.5); for Weft that address is the
            // host's tunnel endpoint, and also its name, as CloudStack names a host until it reports.
            String address = address(params);
            AddedHost added = hosts.add(
                    caller,
                    new HostSpec(
                            params.requiredUuid("zoneid"),
                            params.uuid("podid"),
                            params.uuid("clusterid"),
                            address,
                            address,
                            Enums.required(params, "hypervisor", HypervisorType::parse)));
            // CloudStack's AddHostCmd answers a ListResponse: {"count":1,"host":[{…}]}, which Ansible's
            // cs_host indexes (host['host'][0]).
            return CloudStackResult.list(
                    "host", List.of(HostResponse.of(added.host(), Optional.of(added.credential()))), 1);
        }

        private static String address(Params params) {
            String url = params.required("url");
            try {
                String host = new URI(url.contains("://") ? url : "http://" + url).getHost();
                if (host == null || host.isEmpty()) {
                    throw params.invalid("url", url);
                }
                return host;
            } catch (URISyntaxException e) {
                throw params.invalid("url", url);
            }
        }
    }

    static final class ListCommand extends SyncCommand {
        private final HostService hosts;
        private final VirtualMachineService vms;
        private final ApiConfig api;

        @Inject
        ListCommand(HostService hosts, VirtualMachineService vms, ApiConfig api) {
            super("listHosts");
            this.hosts = requireNonNull(hosts, "hosts is null");
            this.vms = requireNonNull(vms, "vms is null");
            this.api = requireNonNull(api, "api is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            Optional<UUID> vm = params.uuid("virtualmachineid");
            vm.ifPresent(id -> VmCommands.requireVisibleVm(vms, caller, id));
            // The host the VM runs on, or none for a stopped VM, which then matches no host.
            Optional<Optional<UUID>> runningOn =
                    vm.map(id -> vms.get(caller, id).hostId());
            Optional<UUID> pod = params.uuid("podid");
            Optional<UUID> cluster = params.uuid("clusterid");
            Optional<HypervisorType> hypervisor = Enums.parse(params, "hypervisor", HypervisorType::parse);
            Optional<HostState> state = Enums.parse(params, "state", HostState::parse);
            Optional<String> type = params.get("type");
            return Listing.of(
                    "host",
                    hosts.list(caller, params.uuid("zoneid")),
                    params,
                    api,
                    HostView::id,
                    HostView::name,
                    host -> pod.map(p -> host.podId().equals(Optional.of(p))).orElse(true)
                            && cluster.map(c -> host.clusterId().equals(Optional.of(c)))
                                    .orElse(true)
                            && hypervisor.map(h -> h == host.hypervisorType()).orElse(true)
                            && state.map(s -> s == host.state()).orElse(true)
                            && type.map("Routing"::equalsIgnoreCase).orElse(true)
                            && runningOn
                                    .map(h -> h.equals(Optional.of(host.id())))
                                    .orElse(true),
                    HostResponse::of);
        }
    }

    static final class Delete extends SyncCommand {
        private final HostService hosts;

        @Inject
        Delete(HostService hosts) {
            super("deleteHost");
            this.hosts = requireNonNull(hosts, "hosts is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            hosts.delete(caller, params.requiredUuid("id"));
            return CloudStackResult.success();
        }
    }
}
