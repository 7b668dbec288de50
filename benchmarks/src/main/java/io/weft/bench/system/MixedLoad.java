package io.weft.bench.system;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.bench.system.LoadTarget.ChangeableVm;
import io.weft.testsupport.cloudstack.CloudStackClient;
import io.weft.testsupport.cloudstack.Params;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sustained mixed workload through the signed CloudStack API, from several client threads as
 * fast as the server answers: eight in ten requests read (list and describe VMs, groups, networks,
 * NICs), two in ten write (a rule authorized on a group or revoked again; a tag put on a VM or
 * deleted again). Each thread changes only its own share of the groups and VMs, so every write is
 * valid when sent. Writes that answer with a job are followed to the job's end, and those polls
 * are requests too ({@code queryAsyncJobResult}); {@code <command> job} is the time from the
 * submission to the job's end.
 */
public final class MixedLoad {
    private static final Duration JOB_POLL = Duration.ofMillis(20);
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);

    /** How many client threads, for how long. */
    public record Settings(int clientThreads, Duration duration) {
        public Settings {
            if (clientThreads < 1) {
                throw new IllegalArgumentException("a client thread at least");
            }
            requireNonNull(duration, "duration is null");
        }
    }

    private record Call(String kind, long nanos, int status) {}

    private final LoadTarget target;
    private final Settings settings;
    private final CloudStackClient tenant;
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    private final AtomicLong failedJobs = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();

    private MixedLoad(LoadTarget target, Settings settings) {
        this.target = requireNonNull(target, "target is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.tenant = CloudStackClient.of(target.server().cloudStackUri(), target.tenantKeys());
    }

    public static MixedLoadFigures run(LoadTarget target, Settings settings) {
        return new MixedLoad(target, settings).run();
    }

    private MixedLoadFigures run() {
        long start = System.nanoTime();
        long deadline = start + settings.duration().toNanos();
        try (HeapSampler heap = new HeapSampler().start()) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < settings.clientThreads(); t++) {
                Client client = new Client(t, deadline);
                Thread thread = new Thread(client::run, "bench-mixed-" + t);
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                try {
                    thread.join(settings.duration().plus(JOB_TIMEOUT).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return figures(seconds, heap.samples());
        }
    }

    /** One client thread with its own share of the groups and VMs. */
    private final class Client {
        private final int index;
        private final long deadline;
        private final List<String> groups = new ArrayList<>();
        private final List<ChangeableVm> vms = new ArrayList<>();
        private final Map<String, String> ruleByGroup = new TreeMap<>();
        private final Map<String, Boolean> taggedByVm = new TreeMap<>();
        private long count;

        Client(int index, long deadline) {
            this.index = index;
            this.deadline = deadline;
            int threads = settings.clientThreads();
            List<String> allGroups = target.ruleGroups();
            for (int i = index; i < allGroups.size(); i += threads) {
                groups.add(allGroups.get(i));
            }
            List<ChangeableVm> allVms = target.vms();
            for (int i = index; i < allVms.size(); i += threads) {
                vms.add(allVms.get(i));
            }
            if (groups.isEmpty() || vms.isEmpty()) {
                throw new IllegalArgumentException("more client threads than groups or VMs");
            }
        }

        void run() {
            // Threads start at different places of the mix, so that no one kind runs on all at once.
            count = index * 3L;
            while (System.nanoTime() < deadline) {
                long n = count++;
                String group = groups.get((int) (n / 10 % groups.size()));
                ChangeableVm vm = vms.get((int) (n / 10 % vms.size()));
                switch ((int) (n % 10)) {
                    case 0, 1 -> call("listVirtualMachines", Params.pairs("page", "1", "pagesize", "50"));
                    case 2 -> call("listSecurityGroups", Params.pairs("page", "1", "pagesize", "50"));
                    case 3 -> call("listNetworks", Params.none());
                    case 4 -> call("listNics", Params.of("virtualmachineid", vm.vmId()));
                    case 5 -> call("listVirtualMachines", Params.of("id", vm.vmId()));
                    case 6 -> call("listSecurityGroups", Params.of("id", group));
                    case 7 -> call("listTags", Params.pairs("resourcetype", "UserVm", "resourceid", vm.vmId()));
                    case 8 -> ruleChange(group, n);
                    default -> tagChange(vm);
                }
            }
        }

        private void ruleChange(String group, long n) {
            String rule = ruleByGroup.remove(group);
            if (rule != null) {
                job("revokeSecurityGroupIngress", Params.of("id", rule));
                return;
            }
            String port = Long.toString(20_000 + n % 40_000);
            JsonNode job = job(
                    "authorizeSecurityGroupIngress",
                    Params.pairs(
                            "securitygroupid", group,
                            "protocol", "udp",
                            "startport", port,
                            "endport", port,
                            "cidrlist", "203.0.113.0/24"));
            if (job != null) {
                for (JsonNode rules : job.path("jobresult").findValues("ingressrule")) {
                    for (JsonNode r : rules) {
                        if (r.path("startport").asText().equals(port)
                                && r.path("protocol").asText().equals("udp")) {
                            ruleByGroup.put(group, r.path("ruleid").asText());
                        }
                    }
                }
            }
        }

        private void tagChange(ChangeableVm vm) {
            boolean tagged = taggedByVm.getOrDefault(vm.vmId(), false);
            Params tag = Params.pairs("resourcetype", "UserVm", "resourceids", vm.vmId(), "tags[0].key", "bench");
            JsonNode job =
                    tagged ? job("deleteTags", tag) : job("createTags", tag.and("tags[0].value", Long.toString(count)));
            if (job != null) {
                taggedByVm.put(vm.vmId(), !tagged);
            }
        }
    }

    /** A request, timed and counted; empty when no answer came at all. */
    private CloudStackClient.Reply call(String kind, Params params) {
        long sent = System.nanoTime();
        try {
            CloudStackClient.Reply reply = tenant.call(kind, params);
            calls.add(new Call(kind, System.nanoTime() - sent, reply.status()));
            if (reply.status() < 200 || reply.status() > 299) {
                note(kind + ": HTTP " + reply.status() + " " + reply.text());
            }
            return reply;
        } catch (RuntimeException e) {
            unanswered.incrementAndGet();
            note(kind + ": " + e.getMessage());
            return null;
        }
    }

    /** A write whose answer is a job: the job once it ended well, otherwise null (counted). */
    private JsonNode job(String command, Params params) {
        long sent = System.nanoTime();
        CloudStackClient.Reply submitted = call(command, params);
        if (submitted == null || submitted.status() != 200) {
            return null;
        }
        String jobId = submitted.inner().path("jobid").asText();
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        JobPolling polling = new JobPolling(JOB_POLL);
        while (System.nanoTime() < deadline) {
            CloudStackClient.Reply polled = call("queryAsyncJobResult", Params.of("jobid", jobId));
            if (polled == null || polled.status() != 200) {
                return null;
            }
            int status = polled.inner().path("jobstatus").asInt();
            if (status != 0) {
                calls.add(new Call(command + " job", System.nanoTime() - sent, status == 1 ? 200 : 0));
                if (status != 1) {
                    failedJobs.incrementAndGet();
                    note(command + " job failed: " + polled.inner().path("jobresult"));
                    return null;
                }
                return polled.inner();
            }
            polling.pause();
        }
        failedJobs.incrementAndGet();
        note(command + " job did not end within " + JOB_TIMEOUT);
        return null;
    }

    private void note(String error) {
        if (errors.size() < 10) {
            errors.add(error);
        }
    }

    private MixedLoadFigures figures(double seconds, List<HeapSample> heap) {
        List<Call> all = List.copyOf(calls);
        Map<String, MixedLoadFigures.KindFigures> byKind = new TreeMap<>();
        Map<String, List<Call>> grouped = new TreeMap<>();
        all.forEach(
                c -> grouped.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(c));
        for (Map.Entry<String, List<Call>> kind : grouped.entrySet()) {
            List<Call> list = kind.getValue();
            byKind.put(
                    kind.getKey(),
                    new MixedLoadFigures.KindFigures(
                            list.size(),
                            round(list.size() / seconds),
                            Latency.ofNanos(list.stream().mapToLong(Call::nanos).toArray()),
                            list.stream().filter(c -> !ok(c)).count(),
                            list.stream().filter(c -> c.status() >= 500).count()));
        }
        // "<command> job" entries are the jobs' durations, not requests: leave them out of the totals.
        List<Call> requests =
                all.stream().filter(c -> !c.kind().endsWith(" job")).toList();
        return new MixedLoadFigures(
                target.agents().size(),
                settings.clientThreads(),
                settings.duration().toSeconds(),
                requests.size(),
                round(requests.size() / seconds),
                requests.stream().filter(c -> !ok(c)).count(),
                requests.stream().filter(c -> c.status() >= 500).count(),
                failedJobs.get(),
                unanswered.get(),
                List.copyOf(errors),
                byKind,
                heap);
    }

    private static boolean ok(Call call) {
        return call.status() >= 200 && call.status() <= 299;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
