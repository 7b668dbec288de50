package io.weft.bench.system.ovn;

import static io.weft.bench.system.ovn.OvsdbOperations.select;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.weft.agent.process.CommandRunner;
import io.weft.agent.process.ProcessCommandRunner;
import io.weft.bench.scenario.Scenario;
import io.weft.bench.scenario.ScenarioGenerator;
import io.weft.bench.scenario.ScenarioShape;
import io.weft.lab.infra.DataplanePrerequisites;
import io.weft.lab.infra.Hypervisor;
import io.weft.lab.infra.Lab;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a scenario on OVN and measures it: a private control plane and one real chassis in a lab
 * namespace, the scenario imported in one northbound transaction, every other host a fake chassis
 * in the southbound database. See {@link OvnFigures} for what each figure times.
 *
 * <p>The real chassis is scenario host 0, one of the front hosts, so it holds the big group's
 * address set; the NIC that leaves and rejoins the big group is the last host's first, whose only
 * trace on the real chassis is that address set.
 */
public final class OvnBenchmark {

    /** The scenario host that runs a real ovn-controller. */
    public static final int REAL_HOST = 0;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String SOUTHBOUND = SouthboundChassis.DATABASE;
    private static final Duration LONG = Duration.ofMinutes(10);

    private final CommandRunner runner;
    private final ScenarioShape shape;
    private final long seed;
    private final int repeats;

    public OvnBenchmark(CommandRunner runner, ScenarioShape shape, long seed, int repeats) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be positive");
        }
        this.runner = runner;
        this.shape = shape;
        this.seed = seed;
        this.repeats = repeats;
    }

    /** Installs OVN if needed, runs everything, and removes every process, namespace and file. */
    public static OvnFigures run(ScenarioShape shape, long seed, int repeats) {
        DataplanePrerequisites.unavailable().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        CommandRunner runner = new ProcessCommandRunner();
        OvnInstall.ensureInstalled(runner);
        return new OvnBenchmark(runner, shape, seed, repeats).run();
    }

    public OvnFigures run() {
        Scenario scenario = ScenarioGenerator.generate(shape, seed);
        NorthboundContent content = NorthboundTranslation.of(scenario);
        try (Lab lab = Lab.start(runner)) {
            // Central and chassis share one namespace, as on an all-in-one node: the lab removes it
            // with every daemon inside, even if this JVM dies before closing anything.
            Hypervisor node = lab.addHypervisor("ovn");
            try (OvnCentral central = OvnCentral.start(
                            runner, node.namespace(), lab.directory().resolve("central"));
                    OvsdbConnection nb = OvsdbConnection.open(central.nbSocket());
                    OvsdbConnection sb = OvsdbConnection.open(central.sbSocket())) {
                return measure(scenario, content, node, central, nb, sb);
            }
        }
    }

    private OvnFigures measure(
            Scenario scenario,
            NorthboundContent content,
            Hypervisor node,
            OvnCentral central,
            OvsdbConnection nb,
            OvsdbConnection sb) {
        awaitRow(nb, NorthboundTransaction.DATABASE, "NB_Global", null);
        nb.monitorNorthboundCfg(LONG);

        ArrayNode importOperations = NorthboundTransaction.operations(content);
        long importStart = System.nanoTime();
        long importCfg = commitWithBump(nb, importOperations);
        long importCommitted = System.nanoTime();
        long importInSouthbound = nb.awaitCfg("sb_cfg", importCfg, LONG);

        long chassisStart = System.nanoTime();
        ArrayNode bindings =
                sb.transact(SouthboundChassis.DATABASE, SouthboundChassis.operations(scenario, REAL_HOST), LONG);
        requireEveryPortBound(bindings, scenario.nics().size() - nicsOf(scenario, REAL_HOST));
        double chassisRegistration = millis(chassisStart, System.nanoTime());
        int fakeChassis = scenario.hosts().size() - 1;

        Scenario.Host realHost = scenario.host(REAL_HOST);
        long controllerStart = System.nanoTime();
        try (RealChassis chassis = RealChassis.start(runner, node, central, scenario, realHost)) {
            awaitRow(sb, SOUTHBOUND, "Chassis_Private", realHost.name());
            long readyCfg = commitWithBump(nb, JSON.arrayNode());
            double realChassisReady = millis(controllerStart, nb.awaitCfg("hv_cfg", readyCfg, LONG));
            awaitTunnels(chassis, fakeChassis);

            central.northdAppctl("stopwatch/reset");
            OvnFigures.Recompute recompute = recompute(central, nb);
            var stopwatches = NorthdStopwatch.parse(central.northdAppctl("stopwatch/show"));

            OvnFigures.Membership membership = membership(scenario, central, nb, chassis);
            OvnFigures.Databases databases = databases(central, sb);
            OvnFigures.RealChassisState state =
                    new OvnFigures.RealChassisState(chassis.openFlowCount(), chassis.tunnelPorts());
            OvnFigures.Memory memory = new OvnFigures.Memory(
                    central.northd().rssBytes(),
                    central.northbound().rssBytes(),
                    central.southbound().rssBytes(),
                    chassis.controllerRssBytes());
            OvnFigures.Imported imported = new OvnFigures.Imported(
                    shape.name(),
                    seed,
                    repeats,
                    scenario.hosts().size(),
                    content.switches().size(),
                    content.portCount(),
                    content.portGroups().size(),
                    content.aclCount(),
                    fakeChassis,
                    realHost.name());
            return new OvnFigures(
                    imported,
                    millis(importStart, importCommitted),
                    millis(importCommitted, importInSouthbound),
                    chassisRegistration,
                    realChassisReady,
                    recompute,
                    stopwatches,
                    membership,
                    databases,
                    state,
                    memory);
        }
    }

    /**
     * The NIC whose big-group membership changes: the last host's first, on no front host, so its
     * only trace on the real chassis (and on Weft's front hosts) is the big group's member set. Weft's
     * side of the comparison must change the same NIC.
     */
    public static Scenario.Nic membershipNic(Scenario scenario) {
        int lastHost = scenario.hosts().size() - 1;
        return scenario.nics().stream()
                .filter(nic -> nic.host() == lastHost)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the last host has no NIC"));
    }

    /**
     * northd told to recompute everything, then an nb_cfg bump: timed from the request to sb_cfg,
     * so that each sample holds a full recompute and its southbound write.
     */
    private OvnFigures.Recompute recompute(OvnCentral central, OvsdbConnection nb) {
        List<Double> samples = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            double cpuBefore = central.northd().cpuMillis();
            long start = System.nanoTime();
            central.northdAppctl("inc-engine/recompute");
            long cfg = commitWithBump(nb, JSON.arrayNode());
            samples.add(millis(start, nb.awaitCfg("sb_cfg", cfg, LONG)));
            cpu.add(central.northd().cpuMillis() - cpuBefore);
        }
        return new OvnFigures.Recompute(Spread.of(samples), Spread.of(cpu));
    }

    private static OvnFigures.Databases databases(OvnCentral central, OvsdbConnection sb) {
        return new OvnFigures.Databases(
                OvnCentral.compactedSize(central.northbound(), central.nbDatabase()),
                OvnCentral.compactedSize(central.southbound(), central.sbDatabase()),
                countRows(sb, "Chassis"),
                countRows(sb, "Chassis_Private"),
                countRows(sb, "Encap"),
                countRows(sb, "Logical_Flow"));
    }

    /**
     * The last host's first NIC leaves the big group and joins again, {@code repeats} times each,
     * first timed to sb_cfg and hv_cfg, then (without nb_cfg bumps, which would add work) to the real
     * chassis' flows.
     */
    private OvnFigures.Membership membership(
            Scenario scenario, OvnCentral central, OvsdbConnection nb, RealChassis chassis) {
        Scenario.Nic nic = membershipNic(scenario);
        String port = NorthboundTranslation.portName(nic);
        String portGroup = NorthboundTranslation.portGroupName(scenario.group(Scenario.BIG_GROUP));
        String portUuid = rowUuid(nb, "Logical_Switch_Port", port);
        long flowsBefore = chassis.flowsMatchingSource(nic.ip());
        if (flowsBefore == 0) {
            throw new IllegalStateException(
                    "the real chassis has no flow for " + nic.ip() + "; the address set is not there");
        }
        List<Double> toSouthbound = new ArrayList<>();
        List<Double> toHypervisors = new ArrayList<>();
        List<Double> northdCpu = new ArrayList<>();
        List<Double> controllerCpu = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            for (boolean join : new boolean[] {false, true}) {
                ArrayNode write =
                        JSON.arrayNode().add(NorthboundTransaction.changeMembership(portGroup, portUuid, join));
                double northdBefore = central.northd().cpuMillis();
                double controllerBefore = chassis.controller().cpuMillis();
                long start = System.nanoTime();
                long cfg = commitWithBump(nb, write);
                toSouthbound.add(millis(start, nb.awaitCfg("sb_cfg", cfg, LONG)));
                toHypervisors.add(millis(start, nb.awaitCfg("hv_cfg", cfg, LONG)));
                northdCpu.add(central.northd().cpuMillis() - northdBefore);
                controllerCpu.add(chassis.controller().cpuMillis() - controllerBefore);
            }
        }
        List<Double> toFlows = new ArrayList<>();
        try (FlowWatch watch = chassis.watchFlowsFromSource(nic.ip())) {
            for (int i = 0; i < repeats; i++) {
                for (boolean join : new boolean[] {false, true}) {
                    long target = watch.net() + (join ? flowsBefore : -flowsBefore);
                    ArrayNode write =
                            JSON.arrayNode().add(NorthboundTransaction.changeMembership(portGroup, portUuid, join));
                    long start = System.nanoTime();
                    nb.transact(NorthboundTransaction.DATABASE, write, LONG);
                    toFlows.add(millis(start, watch.awaitNet(target, LONG)));
                    // Settle before the next change: the chassis has acked everything, northd is idle.
                    nb.awaitCfg("hv_cfg", commitWithBump(nb, JSON.arrayNode()), LONG);
                }
            }
        }
        return new OvnFigures.Membership(
                portGroup,
                port,
                nic.ip(),
                flowsBefore,
                Spread.of(toSouthbound),
                Spread.of(toHypervisors),
                Spread.of(northdCpu),
                Spread.of(controllerCpu),
                Spread.of(toFlows));
    }

    private static long nicsOf(Scenario scenario, int host) {
        return scenario.nics().stream().filter(nic -> nic.host() == host).count();
    }

    /** An update whose where clause matched no row counts 0: a port northd had not created. */
    private static void requireEveryPortBound(ArrayNode results, long expected) {
        long bound = 0;
        for (JsonNode result : results) {
            bound += result.path("count").asLong(0);
        }
        if (bound != expected) {
            throw new IllegalStateException("bound " + bound + " of " + expected + " fake chassis' ports");
        }
    }

    /**
     * Commits {@code operations} with {@code nb_cfg += 1} and returns the new nb_cfg, which northd
     * echoes into sb_cfg and hv_cfg once it (and the chassis) have caught up with this transaction.
     */
    private static long commitWithBump(OvsdbConnection nb, ArrayNode operations) {
        ArrayNode all = operations.deepCopy();
        all.add(NorthboundTransaction.bumpNbCfg());
        all.add(select("NB_Global", null, "nb_cfg"));
        ArrayNode results = nb.transact(NorthboundTransaction.DATABASE, all, LONG);
        return results.get(all.size() - 1).path("rows").path(0).path("nb_cfg").asLong();
    }

    /**
     * Waits for a row of {@code table} (named {@code name}, or any when null) to exist: northd
     * creates NB_Global when it first connects, ovn-controller its Chassis_Private once registered.
     */
    private static void awaitRow(OvsdbConnection connection, String database, String table, String name) {
        long deadline = System.nanoTime() + LONG.toNanos();
        ArrayNode query = JSON.arrayNode().add(select(table, name, "_uuid"));
        while (connection.transact(database, query, LONG).path(0).path("rows").isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "no " + table + " row " + (name == null ? "" : name) + " within " + LONG);
            }
            pause();
        }
    }

    private static void awaitTunnels(RealChassis chassis, int expected) {
        long deadline = System.nanoTime() + LONG.toNanos();
        while (chassis.tunnelPorts() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "ovn-controller made " + chassis.tunnelPorts() + " of " + expected + " tunnels");
            }
            pause();
        }
    }

    private static long countRows(OvsdbConnection sb, String table) {
        return sb.transact(SOUTHBOUND, JSON.arrayNode().add(select(table, null, "_uuid")), LONG)
                .path(0)
                .path("rows")
                .size();
    }

    private static String rowUuid(OvsdbConnection nb, String table, String name) {
        JsonNode rows = nb.transact(
                        NorthboundTransaction.DATABASE, JSON.arrayNode().add(select(table, name, "_uuid")), LONG)
                .path(0)
                .path("rows");
        if (rows.size() != 1) {
            throw new IllegalStateException(table + " " + name + ": " + rows.size() + " rows");
        }
        return rows.get(0).path("_uuid").get(1).asText();
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static double millis(long startNanos, long endNanos) {
        return (endNanos - startNanos) / 1e6;
    }
}
