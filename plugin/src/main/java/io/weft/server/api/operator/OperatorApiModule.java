package io.weft.server.api.operator;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.multibindings.Multibinder;
import io.weft.server.api.rest.RestRequest;
import io.weft.server.api.rest.RestResponse;
import io.weft.server.api.rest.RestRoute;
import io.weft.server.api.rest.RestRoutes;
import io.weft.server.dispatch.ChangeStatus;
import io.weft.server.dispatch.ConvergenceQueries;
import io.weft.server.dispatch.GroupConvergence;
import io.weft.server.dispatch.HostConvergence;
import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.tenancy.Caller;
import io.weft.server.topology.AgentCredential;
import io.weft.server.topology.HostService;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The operator's convergence API: per host, desired vs applied generation and state; per change,
 * the affected hosts and which have applied it (optionally waiting); per security group, on how
 * many hosts its latest version is live; and a host agent's credential rotation. Root
 * administrators only. Described in api-spec's
 * {@code weft-rest.openapi.yaml}.
 */
public final class OperatorApiModule extends AbstractModule {
    @Override
    protected void configure() {
        Provider<ConvergenceQueries> convergence = getProvider(ConvergenceQueries.class);
        Provider<HostService> hosts = getProvider(HostService.class);
        Multibinder<RestRoute> routes = RestRoutes.bind(binder());
        routes.addBinding().toInstance(new RestRoute("GET", "/hosts", r -> hosts(convergence.get(), r)));
        routes.addBinding().toInstance(new RestRoute("GET", "/hosts/{hostId}", r -> host(convergence.get(), r)));
        routes.addBinding()
                .toInstance(new RestRoute(
                        "POST", "/hosts/{hostId}/agent-credential", r -> rotateAgentCredential(hosts.get(), r)));
        routes.addBinding().toInstance(new RestRoute("GET", "/changes/{changeId}", r -> change(convergence.get(), r)));
        routes.addBinding()
                .toInstance(new RestRoute(
                        "GET", "/security-groups/{groupId}/convergence", r -> group(convergence.get(), r)));
    }

    private static RestResponse hosts(ConvergenceQueries dispatcher, RestRequest request) {
        requireOperator(request.caller());
        List<Map<String, Object>> hosts =
                dispatcher.hosts().stream().map(OperatorApiModule::hostJson).toList();
        return RestResponse.ok(Map.of("hosts", hosts, "leader", dispatcher.isLeader()));
    }

    private static RestResponse host(ConvergenceQueries dispatcher, RestRequest request) {
        requireOperator(request.caller());
        String hostId = request.pathUuid("hostId").toString();
        return RestResponse.ok(hostJson(dispatcher
                .host(hostId)
                .orElseThrow(() ->
                        new WeftException(ErrorCode.NOT_FOUND, "host " + hostId + " has never been dispatched to"))));
    }

    /** A new agent secret for the host, shown once; the old one's login and sessions end at once. */
    private static RestResponse rotateAgentCredential(HostService hosts, RestRequest request) {
        requireOperator(request.caller());
        UUID hostId = request.pathUuid("hostId");
        AgentCredential credential = hosts.rotateAgentCredential(request.caller(), hostId);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("hostId", hostId.toString());
        json.put("agentUser", credential.user());
        json.put("agentSecret", credential.secret());
        return RestResponse.ok(json);
    }

    private static RestResponse change(ConvergenceQueries dispatcher, RestRequest request) {
        requireOperator(request.caller());
        String text = request.path().get("changeId");
        // Change ids start at 1: anything else (a sign, zero, a number too big) names no change.
        if (!text.matches("[0-9]{1,18}") || Long.parseLong(text) < 1) {
            throw WeftException.invalid("changeId must be a positive whole number");
        }
        long changeId = Long.parseLong(text);
        ChangeStatus status = request.waitFor()
                .map(timeout -> dispatcher.awaitApplied(changeId, timeout))
                .orElseGet(() -> dispatcher.change(changeId));
        return RestResponse.ok(changeJson(status));
    }

    private static RestResponse group(ConvergenceQueries dispatcher, RestRequest request) {
        requireOperator(request.caller());
        GroupConvergence group = dispatcher.group(request.pathUuid("groupId").toString());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("groupId", group.groupId());
        json.put("latestChange", group.latestChange().orElse(null));
        json.put("hostsHolding", group.hostsHolding());
        json.put("hostsLive", group.hostsLive());
        json.put("liveByHost", group.liveByHost());
        return RestResponse.ok(json);
    }

    /** A change's status as the REST APIs show it, also used by writes that wait. */
    public static Map<String, Object> changeJson(ChangeStatus status) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("changeId", status.changeId());
        json.put("dispatched", status.dispatched());
        json.put("live", status.live());
        json.put("affectedHosts", status.affectedHosts());
        json.put("appliedHosts", status.appliedHosts());
        json.put("waitingFor", status.waitingFor());
        return json;
    }

    private static Map<String, Object> hostJson(HostConvergence host) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("hostId", host.hostId());
        json.put("state", host.state().name());
        json.put("desiredGeneration", host.desired().toString());
        json.put("appliedGeneration", host.applied().toString());
        json.put("inSync", host.inSync());
        json.put("desiredHash", host.desiredHash());
        json.put("lastError", host.lastError().orElse(null));
        json.put("lastHeartbeat", host.lastHeartbeat().map(Object::toString).orElse(null));
        return json;
    }

    private static void requireOperator(Caller caller) {
        if (!caller.isRootAdmin()) {
            throw new WeftException(ErrorCode.PERMISSION_DENIED, "the operator API is for root administrators");
        }
    }

    /** How long "apply and wait" waits at most when a write asks for it without a bound. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);
}
