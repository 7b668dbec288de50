package io.weft.lab;

import io.weft.lab.harness.WeftLab;
import io.weft.lab.infra.DataplanePrerequisites;
import io.weft.lab.scenario.IntendedRules;
import io.weft.lab.scenario.ReachabilityMatrix;
import io.weft.lab.scenario.TwoTenantScenario;
import java.util.List;

/**
 * {@code ./weft demo}: the whole system on real packets. Starts a Weft server in this JVM, two
 * namespace hypervisors each with its real agent, builds two tenants' networks, security groups
 * and four VMs through the CloudStack API ({@link TwoTenantScenario}), waits until every agent has
 * applied it, then prints the reachability matrix measured with ping and TCP next to the one the
 * rules describe. Exits 1 when they differ, 2 when the machine cannot run the lab.
 */
public final class Demo {
    private Demo() {}

    public static void main(String[] args) {
        List<String> missing = DataplanePrerequisites.missing();
        if (!missing.isEmpty()) {
            System.err.println("weft demo needs root and the lab's tools; missing: " + String.join(", ", missing));
            System.exit(2);
            return;
        }
        int status;
        try {
            status = run();
        } catch (RuntimeException e) {
            // Cleanup already ran (try-with-resources); say why, and fail without hanging on threads.
            System.err.println("weft demo failed: " + e);
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private static int run() {
        int status;
        long started = System.nanoTime();
        try (WeftLab weft = WeftLab.start()) {
            say("Weft server up: CloudStack API at " + weft.server().cloudStackUri() + ", broker "
                    + weft.server().brokerUrl());
            say(
                    "Building two hypervisors, two tenants, their networks, groups and four VMs through the CloudStack API ...");
            TwoTenantScenario scenario = TwoTenantScenario.build(weft);
            say("Converged: every agent applied what the server sent (" + seconds(System.nanoTime() - started)
                    + " s since start).");
            say("");
            say("alice (VXLAN network, 10.10.0.0/24): web = ICMP echo from 0.0.0.0/0; app = TCP "
                    + IntendedRules.TCP_PORT + " from members of web");
            say("    a1 on hv1 10.10.0.11 [web]    a2 on hv2 10.10.0.12 [web, app]");
            say("bob   (GRE network, the same 10.10.0.0/24): db = TCP " + IntendedRules.TCP_PORT
                    + " from 10.10.0.21/32");
            say("    b1 on hv1 10.10.0.21 [db]     b2 on hv2 10.10.0.22 [db]");
            say("");
            ReachabilityMatrix expected = scenario.expected();
            ReachabilityMatrix measured = scenario.measured();
            say("What the rules say (rows: from, columns: to; ping = ICMP echo, tcp = TCP " + IntendedRules.TCP_PORT
                    + "):");
            System.out.print(expected.render());
            say("");
            say("What the packets say:");
            System.out.print(measured.render());
            say("");
            List<String> differences = measured.differences(expected);
            if (differences.isEmpty()) {
                say("MATCH: the measured reachability is what the rules describe.");
                status = 0;
            } else {
                say("MISMATCH in " + differences.size() + " cell(s):");
                differences.forEach(line -> say("  " + line));
                status = 1;
            }
            say("Cleaning up (agents, namespaces, OVS daemons, server) ...");
        }
        say("Done in " + seconds(System.nanoTime() - started) + " s.");
        return status;
    }

    private static String seconds(long nanos) {
        return String.format("%.1f", nanos / 1e9);
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
