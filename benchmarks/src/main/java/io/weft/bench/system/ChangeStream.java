package io.weft.bench.system;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.bench.system.LoadTarget.ChangeableVm;
import io.weft.testsupport.ApiKeys;
import io.weft.testsupport.cloudstack.CloudStackClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End to end through the real API, broker and agents: changes issued at a fixed rate, each timed
 * from the API's answer to the moment the server reports every host it reaches as having applied
 * it.
 *
 * <p>The mix: a rule authorized on an ordinary group or revoked again (CloudStack's async
 * {@code authorizeSecurityGroupIngress}/{@code revokeSecurityGroupIngress}); a VM's NIC joining
 * another group or leaving it (the compute side's {@code PUT /ports/{id}/security-groups}: the
 * only API whose answer names the change, CloudStack's {@code updateVirtualMachine} does not); a
 * NIC plugged into a VM on another network or unplugged again ({@code addNicToVirtualMachine}/
 * {@code removeNicFromVirtualMachine}). Each resource has at most one change in flight, so every
 * change is valid when issued; a tick that finds none free is counted as skipped, not hidden.
 *
 * <p>The signal, per change: the change id from the API (the job's {@code changeid} once the job
 * has run, or the port API's {@code change.changeId}), then the operator's {@code GET
 * /changes/{id}?waitSeconds=...}, which the server answers the moment the last affected host's ack
 * for that change arrives (its dispatcher completes the waiter on the ack). Acked time is when that
 * answer reaches the client. For jobs, the change id is learnt by polling {@code
 * queryAsyncJobResult}, first after {@link Settings#jobPoll} and then backing off ({@link JobPolling});
 * a change that became live before the poll saw the job finish is over-stated by at most the last
 * interval, and {@link EndToEndFigures#answerToChangeIdKnown} shows how long that part took. Every
 * poll also asks the dispatcher where the change stands, so polling without backing off would load
 * the very thread being measured.
 */
public final class ChangeStream {
    /** CloudStack's code for a ConcurrentOperationException (lost a race: retry) and internal errors. */
    private static final int CONCURRENT_OPERATION = 4250;

    private static final int RETRIES = 5;

    /**
     * The port of each rule authorized, unique in this JVM: a warm-up stream leaves its rules behind,
     * and a later stream on the same groups must not ask for one that exists already.
     */
    private static final AtomicLong PORTS = new AtomicLong();

    /** What the stream does, at what rate, for how long, and how long a change may take. */
    public record Settings(double changesPerSecond, Duration duration, Duration ackTimeout, Duration jobPoll) {
        public Settings {
            if (changesPerSecond <= 0 || duration.isNegative()) {
                throw new IllegalArgumentException("a positive rate and a duration");
            }
            requireNonNull(ackTimeout, "ackTimeout is null");
            requireNonNull(jobPoll, "jobPoll is null");
        }

        /** At {@code changesPerSecond} for {@code duration}; 30 s for a change to be live, jobs polled after 20 ms, backing off. */
        public static Settings of(double changesPerSecond, Duration duration) {
            return new Settings(changesPerSecond, duration, Duration.ofSeconds(30), Duration.ofMillis(20));
        }
    }

    /** What one change did. */
    enum Kind {
        AUTHORIZE_RULE,
        REVOKE_RULE,
        JOIN_GROUP,
        LEAVE_GROUP,
        PLUG_NIC,
        UNPLUG_NIC
    }

    /** One change: when it was issued, and (unless it failed) how long to every affected host's ack. */
    record Outcome(
            Kind kind,
            long issuedNanos,
            long answerToChangeIdNanos,
            long answerToAckedNanos,
            int affectedHosts,
            String failure) {
        boolean acked() {
            return failure == null;
        }
    }

    /** A group the stream authorizes a rule on, and revokes it from the next time. */
    private static final class GroupSlot {
        final String groupId;
        String benchRuleId;

        GroupSlot(String groupId) {
            this.groupId = groupId;
        }
    }

    /** A VM whose NIC joins an extra group and leaves it, and which gets a second NIC and loses it. */
    private static final class VmSlot {
        final ChangeableVm vm;
        final String extraGroup;
        boolean joined;
        boolean pluggedKnown;
        String pluggedNicId;

        VmSlot(ChangeableVm vm, String extraGroup) {
            this.vm = vm;
            this.extraGroup = extraGroup;
        }
    }

    private final LoadTarget target;
    private final Settings settings;
    private final CloudStackClient tenant;
    private final RestCalls rest;
    private final ApiKeys operator;
    private final ConcurrentLinkedQueue<GroupSlot> freeGroups = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<VmSlot> freeVmsForMembership = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<VmSlot> freeVmsForPlug = new ConcurrentLinkedQueue<>();
    private final AtomicLong concurrencyRetries = new AtomicLong();

    private ChangeStream(LoadTarget target, Settings settings) {
        this.target = requireNonNull(target, "target is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.tenant = CloudStackClient.of(target.server().cloudStackUri(), target.tenantKeys());
        this.rest = new RestCalls(target.server().baseUri());
        this.operator = target.operatorKeys();
        target.ruleGroups().forEach(g -> freeGroups.add(new GroupSlot(g)));
        List<String> members = target.memberGroups();
        List<ChangeableVm> vms = target.vms();
        for (int i = 0; i < vms.size(); i++) {
            ChangeableVm vm = vms.get(i);
            Optional<String> extra = extraGroup(vm, members, i);
            // Half the VMs change groups, the other half plug NICs: no VM has two changes in flight.
            if (i % 2 == 0 && extra.isPresent()) {
                freeVmsForMembership.add(new VmSlot(vm, extra.get()));
            } else {
                freeVmsForPlug.add(new VmSlot(vm, null));
            }
        }
    }

    /** A group the VM's NIC is not in, chosen by its index so that joins spread over the groups. */
    private static Optional<String> extraGroup(ChangeableVm vm, List<String> groups, int index) {
        for (int step = 0; step < groups.size(); step++) {
            String candidate = groups.get((index * 7 + step) % groups.size());
            if (!vm.groupIds().contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Runs the stream against the target, whose agents must all be attached and in sync. */
    public static EndToEndFigures run(LoadTarget target, Settings settings) {
        return new ChangeStream(target, settings).run();
    }

    private EndToEndFigures run() {
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        AtomicLong skipped = new AtomicLong();
        AtomicLong tick = new AtomicLong();
        // A thread per change in flight: a bounded pool would queue changes behind slow ones, and the
        // queue's wait would be neither measured nor visible. Concurrency is bounded by the rate times
        // the time a change takes (and by the resources: one change per group or VM at a time).
        ExecutorService workers = Executors.newCachedThreadPool(daemon("bench-change"));
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(daemon("bench-change-clock"));
        long periodNanos = (long) (1e9 / settings.changesPerSecond());
        long ticks = (long) (settings.duration().toNanos() / (double) periodNanos);
        long start = System.nanoTime();
        try (HeapSampler heap = new HeapSampler().start()) {
            clock.scheduleAtFixedRate(
                    () -> {
                        long n = tick.getAndIncrement();
                        if (n >= ticks) {
                            return;
                        }
                        Optional<Runnable> change = next(n, outcomes::add);
                        if (change.isPresent()) {
                            workers.execute(change.get());
                        } else {
                            skipped.incrementAndGet();
                        }
                    },
                    0,
                    periodNanos,
                    TimeUnit.NANOSECONDS);
            sleepUntil(start + settings.duration().toNanos());
            clock.shutdownNow();
            workers.shutdown();
            awaitQuietly(workers, settings.ackTimeout().multipliedBy(2).plusSeconds(30));
            long started = Math.min(tick.get(), ticks) - skipped.get();
            return figures(List.copyOf(outcomes), skipped.get(), started - outcomes.size(), start, heap);
        } finally {
            clock.shutdownNow();
            workers.shutdownNow();
        }
    }

    /** The n-th change of the mix: 5 in 10 rules, 3 memberships, 2 NIC plugs (memberships if no plug network). */
    private Optional<Runnable> next(long n, java.util.function.Consumer<Outcome> done) {
        int slot = (int) (n % 10);
        long issued = System.nanoTime();
        if (slot < 5) {
            GroupSlot group = freeGroups.poll();
            return Optional.ofNullable(group).map(g -> () -> {
                try {
                    done.accept(ruleChange(g, issued));
                } catch (RuntimeException e) {
                    done.accept(failed(Kind.AUTHORIZE_RULE, issued, "no answer: " + e.getMessage()));
                } finally {
                    freeGroups.add(g);
                }
            });
        }
        boolean plug = slot >= 8 && target.plugNetwork().isPresent();
        ConcurrentLinkedQueue<VmSlot> pool = plug ? freeVmsForPlug : freeVmsForMembership;
        VmSlot vm = pool.poll();
        return Optional.ofNullable(vm).map(v -> () -> {
            try {
                done.accept(plug ? plugChange(v, issued) : membershipChange(v, issued));
            } catch (RuntimeException e) {
                if (plug) {
                    v.pluggedKnown = false;
                }
                done.accept(failed(plug ? Kind.PLUG_NIC : Kind.JOIN_GROUP, issued, "no answer: " + e.getMessage()));
            } finally {
                pool.add(v);
            }
        });
    }

    private Outcome ruleChange(GroupSlot group, long issued) {
        if (group.benchRuleId != null) {
            Outcome outcome = viaJob(Kind.REVOKE_RULE, issued, "revokeSecurityGroupIngress", "id", group.benchRuleId);
            if (outcome.acked()) {
                group.benchRuleId = null;
            }
            return outcome;
        }
        String port = Long.toString(10_000 + PORTS.getAndIncrement() % 50_000);
        JobAnswer answer = submit(
                "authorizeSecurityGroupIngress",
                "securitygroupid",
                group.groupId,
                "protocol",
                "tcp",
                "startport",
                port,
                "endport",
                port,
                "cidrlist",
                "198.51.100.0/24");
        if (answer.failure != null) {
            return failed(Kind.AUTHORIZE_RULE, issued, answer.failure);
        }
        for (JsonNode rules : answer.job.path("jobresult").findValues("ingressrule")) {
            for (JsonNode rule : rules) {
                if (rule.path("startport").asText().equals(port)) {
                    group.benchRuleId = rule.path("ruleid").asText();
                }
            }
        }
        return acked(Kind.AUTHORIZE_RULE, issued, answer);
    }

    private Outcome membershipChange(VmSlot vm, long issued) {
        List<String> groups = new ArrayList<>(vm.vm.groupIds());
        Kind kind = vm.joined ? Kind.LEAVE_GROUP : Kind.JOIN_GROUP;
        if (!vm.joined) {
            groups.add(vm.extraGroup);
        }
        RestCalls.Reply reply = rest.put(
                target.tenantKeys(),
                "/ports/" + vm.vm.nicId() + "/security-groups",
                Map.of("securityGroupIds", groups));
        long answered = System.nanoTime();
        if (reply.status() != 200) {
            return failed(kind, issued, "HTTP " + reply.status() + " " + reply.body());
        }
        vm.joined = !vm.joined;
        return awaitLive(
                kind,
                issued,
                answered,
                answered,
                reply.body().path("change").path("changeId").asLong());
    }

    private Outcome plugChange(VmSlot vm, long issued) {
        if (!vm.pluggedKnown) {
            // An earlier stream (a warm-up) may have left the VM with its extra NIC.
            resync(vm);
        }
        Outcome outcome = plugOrUnplug(vm, issued);
        if (!outcome.acked()) {
            // A job that timed out may still have run: read back whether the VM has the extra NIC.
            vm.pluggedKnown = false;
        }
        return outcome;
    }

    private void resync(VmSlot vm) {
        String network = target.plugNetwork().orElseThrow();
        CloudStackClient.Reply nics = tenant.call("listNics", "virtualmachineid", vm.vm.vmId());
        if (nics.status() == 200) {
            vm.pluggedKnown = true;
            vm.pluggedNicId = null;
            for (JsonNode nic : nics.inner().path("nic")) {
                if (nic.path("networkid").asText().equals(network)) {
                    vm.pluggedNicId = nic.path("id").asText();
                }
            }
        }
    }

    private Outcome plugOrUnplug(VmSlot vm, long issued) {
        String network = target.plugNetwork().orElseThrow();
        if (vm.pluggedNicId != null) {
            Outcome outcome = viaJob(
                    Kind.UNPLUG_NIC,
                    issued,
                    "removeNicFromVirtualMachine",
                    "virtualmachineid",
                    vm.vm.vmId(),
                    "nicid",
                    vm.pluggedNicId);
            if (outcome.acked()) {
                vm.pluggedNicId = null;
            }
            return outcome;
        }
        JobAnswer answer = submit("addNicToVirtualMachine", "virtualmachineid", vm.vm.vmId(), "networkid", network);
        if (answer.failure != null) {
            return failed(Kind.PLUG_NIC, issued, answer.failure);
        }
        for (JsonNode nic : answer.job.path("jobresult").path("virtualmachine").path("nic")) {
            if (nic.path("networkid").asText().equals(network)) {
                vm.pluggedNicId = nic.path("id").asText();
            }
        }
        return acked(Kind.PLUG_NIC, issued, answer);
    }

    private Outcome viaJob(Kind kind, long issued, String command, String... parameters) {
        JobAnswer answer = submit(command, parameters);
        return answer.failure != null ? failed(kind, issued, answer.failure) : acked(kind, issued, answer);
    }

    private Outcome acked(Kind kind, long issued, JobAnswer answer) {
        JsonNode change = answer.job.path("changeid");
        if (!change.isNumber()) {
            return failed(kind, issued, "job committed no change: " + answer.job);
        }
        return awaitLive(kind, issued, answer.answeredNanos, answer.jobEndedNanos, change.asLong());
    }

    /** The job's submission answered at {@code answeredNanos}, then the job as it finished. */
    private record JobAnswer(long answeredNanos, long jobEndedNanos, JsonNode job, String failure, boolean lostARace) {
        static JobAnswer failed(long answeredNanos, String failure, boolean lostARace) {
            return new JobAnswer(answeredNanos, -1, null, failure, lostARace);
        }
    }

    /**
     * Submits a job and follows it to its end. A job that lost a race with a concurrent one (two NIC
     * plugs allocating on one network at once) fails with CloudStack's concurrent-operation code and
     * asks to be retried; it is, up to {@link #RETRIES} times, counted, and timed from the first
     * submission's answer.
     */
    private JobAnswer submit(String command, String... parameters) {
        JobAnswer answer = submitOnce(command, parameters, OptionalLong.empty());
        for (int retry = 0; retry < RETRIES && answer.lostARace; retry++) {
            concurrencyRetries.incrementAndGet();
            answer = submitOnce(command, parameters, OptionalLong.of(answer.answeredNanos));
        }
        return answer;
    }

    private JobAnswer submitOnce(String command, String[] parameters, OptionalLong firstAnswered) {
        CloudStackClient.Reply reply = tenant.call(command, parameters);
        long answered = firstAnswered.orElse(System.nanoTime());
        if (reply.status() != 200 || !reply.inner().path("jobid").isTextual()) {
            return JobAnswer.failed(answered, command + ": HTTP " + reply.status() + " " + reply.text(), false);
        }
        String jobId = reply.inner().get("jobid").asText();
        long deadline = System.nanoTime() + settings.ackTimeout().toNanos();
        JobPolling polling = new JobPolling(settings.jobPoll());
        while (System.nanoTime() < deadline) {
            CloudStackClient.Reply polled = tenant.call("queryAsyncJobResult", "jobid", jobId);
            if (polled.status() != 200) {
                return JobAnswer.failed(answered, "queryAsyncJobResult: HTTP " + polled.status(), false);
            }
            JsonNode job = polled.inner();
            int status = job.path("jobstatus").asInt();
            if (status == 1) {
                return new JobAnswer(answered, System.nanoTime(), job, null, false);
            }
            if (status != 0) {
                JsonNode error = job.path("jobresult");
                // 4250 is also an internal error's code; only the concurrent one asks for a retry.
                boolean race = error.path("cserrorcode").asInt() == CONCURRENT_OPERATION
                        && error.path("errortext").asText().contains("retry");
                return JobAnswer.failed(answered, command + " job failed: " + job.path("jobresult"), race);
            }
            polling.pause();
        }
        return JobAnswer.failed(answered, command + " job did not finish within " + settings.ackTimeout(), false);
    }

    /** Asks the operator API to answer once every host the change reaches has applied it. */
    private Outcome awaitLive(Kind kind, long issued, long answered, long changeIdKnown, long changeId) {
        long waitSeconds = settings.ackTimeout().toSeconds();
        RestCalls.Reply reply = rest.get(
                operator,
                "/changes/" + changeId + "?waitSeconds=" + waitSeconds,
                settings.ackTimeout().plusSeconds(10));
        long acked = System.nanoTime();
        if (reply.status() != 200) {
            return failed(kind, issued, "change " + changeId + ": HTTP " + reply.status() + " " + reply.body());
        }
        if (!reply.body().path("live").asBoolean()) {
            return failed(
                    kind, issued, "change " + changeId + " not live after " + waitSeconds + " s: " + reply.body());
        }
        return new Outcome(
                kind,
                issued,
                changeIdKnown - answered,
                acked - answered,
                reply.body().path("affectedHosts").asInt(),
                null);
    }

    private static Outcome failed(Kind kind, long issued, String why) {
        return new Outcome(kind, issued, -1, -1, 0, why);
    }

    private EndToEndFigures figures(
            List<Outcome> outcomes, long skipped, long unfinished, long start, HeapSampler heap) {
        List<Outcome> acked = outcomes.stream().filter(Outcome::acked).toList();
        Map<String, Latency> byKind = new TreeMap<>();
        for (Kind kind : Kind.values()) {
            long[] nanos = acked.stream()
                    .filter(o -> o.kind() == kind)
                    .mapToLong(Outcome::answerToAckedNanos)
                    .toArray();
            if (nanos.length > 0) {
                byKind.put(kind.name(), Latency.ofNanos(nanos));
            }
        }
        Map<Long, List<Outcome>> bySecond = new TreeMap<>();
        outcomes.forEach(o -> bySecond.computeIfAbsent(
                        TimeUnit.NANOSECONDS.toSeconds(o.issuedNanos() - start), s -> new ArrayList<>())
                .add(o));
        List<EndToEndFigures.Second> series = new ArrayList<>();
        for (Map.Entry<Long, List<Outcome>> second : bySecond.entrySet()) {
            long[] nanos = second.getValue().stream()
                    .filter(Outcome::acked)
                    .mapToLong(Outcome::answerToAckedNanos)
                    .toArray();
            series.add(new EndToEndFigures.Second(
                    second.getKey(),
                    second.getValue().size(),
                    Latency.ofNanos(nanos).p99Ms(),
                    heap.heapAt(second.getKey())));
        }
        List<String> failureSamples = outcomes.stream()
                .filter(o -> !o.acked())
                .map(o -> o.kind() + ": " + o.failure())
                .limit(10)
                .toList();
        return new EndToEndFigures(
                target.agents().size(),
                settings.changesPerSecond(),
                settings.duration().toSeconds(),
                "API answer -> operator GET /api/v1/changes/{id}?waitSeconds answered live (every affected host acked)",
                outcomes.size() + unfinished,
                acked.size(),
                outcomes.size() - acked.size() + unfinished,
                skipped,
                concurrencyRetries.get(),
                failureSamples,
                Latency.ofNanos(
                        acked.stream().mapToLong(Outcome::answerToAckedNanos).toArray()),
                Latency.ofNanos(
                        acked.stream().mapToLong(Outcome::answerToChangeIdNanos).toArray()),
                byKind,
                acked.stream().mapToInt(Outcome::affectedHosts).average().orElse(0),
                acked.stream().mapToInt(Outcome::affectedHosts).max().orElse(0),
                series,
                heap.samples());
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong count = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void sleepUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            sleep(Duration.ofNanos(left));
        }
    }

    private static void sleep(Duration pause) {
        try {
            TimeUnit.NANOSECONDS.sleep(pause.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void awaitQuietly(ExecutorService pool, Duration timeout) {
        try {
            pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
