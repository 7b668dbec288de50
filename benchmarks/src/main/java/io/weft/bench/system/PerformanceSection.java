package io.weft.bench.system;

import static io.weft.bench.report.Figures.bytes;
import static io.weft.bench.report.Figures.count;
import static io.weft.bench.report.Figures.mebibytes;
import static io.weft.bench.report.Figures.millis;
import static io.weft.bench.report.Figures.ratio;

import io.weft.bench.report.MachineFacts;
import io.weft.bench.report.MarkdownTable;
import io.weft.bench.report.Summary;
import io.weft.bench.system.ovn.OvnFigures;
import io.weft.bench.system.ovn.Spread;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The performance page's section for one scenario size, written from a run's results: the machine
 * and command, each target beside what was measured, then every figure. Reading the figures (why
 * a target is missed) stays hand-written outside the section.
 */
final class PerformanceSection {
    private static final double MIB = 1024.0 * 1024.0;

    private PerformanceSection() {}

    static String name(BenchOptions options) {
        return "bench " + options.shape().name();
    }

    static String render(BenchOptions options, BenchResults results, List<String> plots) {
        StringBuilder out = new StringBuilder();
        ScenarioFacts scenario = results.scenario();
        MachineFacts machine = results.machine();
        out.append("### Size ")
                .append(scenario.size())
                .append(": ")
                .append(count(scenario.hosts()))
                .append(" hosts, ")
                .append(count(scenario.nics()))
                .append(" NICs\n\n");
        out.append("`")
                .append(results.command())
                .append("` at ")
                .append(machine.measuredAt())
                .append(", commit `")
                .append(machine.commit())
                .append("`; ")
                .append(machine.cores())
                .append(" cores, ")
                .append(String.format(Locale.ROOT, "%.0f GiB", machine.memoryBytes() / (MIB * 1024)))
                .append(", ")
                .append(machine.jvm())
                .append(", Linux ")
                .append(machine.kernel())
                .append(String.format(
                        Locale.ROOT,
                        "; load average %.2f before, %.2f after.",
                        machine.loadAverageBefore(),
                        machine.loadAverageAfter()))
                .append(" JSON: `")
                .append(relative(options, options.outputDirectory()))
                .append('/')
                .append(scenario.size())
                .append(".json`.\n\n");
        out.append(scenarioTable(scenario)).append('\n');
        if (!results.failures().isEmpty()) {
            out.append("**Parts that failed in this run** (their figures are missing below):\n\n");
            results.failures()
                    .forEach(failure ->
                            out.append("- ").append(failure.replace('\n', ' ')).append('\n'));
            out.append('\n');
        }
        if (options.skipServer()) {
            out.append("Run with `--skip-server`: the scenario was not loaded through the services, and no server,\n"
                    + "cold start, API or agent was measured at this size.\n\n");
        }
        out.append("#### Targets\n\n").append(targets(results)).append('\n');
        if (results.dispatch() != null) {
            out.append("#### Dispatch core\n\n")
                    .append(dispatch(results.dispatch()))
                    .append('\n');
        }
        if (results.coldStart() != null || results.api() != null || results.load() != null) {
            out.append("#### Server: load through the services, cold start, API\n\n")
                    .append(server(results))
                    .append('\n');
        }
        if (results.endToEnd() != null) {
            out.append("#### End to end through the broker\n\n").append(endToEnd(results.endToEnd()));
            for (String plot : plots) {
                out.append("\n![")
                        .append(plot)
                        .append("](")
                        .append(fromPage(options, options.outputDirectory()))
                        .append('/')
                        .append(plot)
                        .append(")\n");
            }
            out.append('\n');
        }
        if (results.ovn() != null) {
            out.append("#### Beside OVN, same scenario, same run\n\n")
                    .append(ovn(results))
                    .append('\n');
        }
        return out.toString();
    }

    private static String scenarioTable(ScenarioFacts s) {
        return new MarkdownTable("scenario", "count")
                .row(
                        "hosts / networks / NICs",
                        count(s.hosts()) + " / " + count(s.networks()) + " / " + count(s.nics()))
                .row(
                        "groups / rules (referencing a group)",
                        count(s.groups()) + " / " + count(s.rules()) + " (" + count(s.groupReferencingRules()) + ")")
                .row("group memberships", count(s.memberships()))
                .row(
                        "big group's members / hosts holding its set",
                        count(s.bigGroupMembers()) + " / " + count(s.hostsReferencingBigGroup()))
                .render();
    }

    private static String targets(BenchResults r) {
        MarkdownTable table = new MarkdownTable("target", "measured", "met");
        DispatchFigures.Report d = r.dispatch();
        if (d != null) {
            dispatchTargets(table, d);
        }
        if (r.endToEnd() != null) {
            EndToEndFigures e = r.endToEnd().endToEnd();
            table.row(
                    "API answer → every affected host acked, p99 ≤ 1 s at 20 changes/s",
                    millis(e.answerToAllAcked().p99Ms()) + " (" + count(e.changesAcked()) + " of "
                            + count(e.changesIssued()) + " acked, " + e.agents() + " agents)",
                    met(e.answerToAllAcked().p99Ms() <= 1000 && e.failures() == 0));
        }
        if (r.ovn() != null) {
            ovnTargets(table, r);
        }
        return table.render();
    }

    private static void dispatchTargets(MarkdownTable table, DispatchFigures.Report d) {
        table.row(
                "every host's state ready ≤ 60 s (dispatch core)",
                seconds(d.load().wallSeconds()),
                met(d.load().wallSeconds().median() <= 60));
        table.row(
                "server heap ≤ 4 GiB held (dispatch core after load)",
                mib(d.load().heapHeldMiB()),
                met(d.load().heapHeldMiB().median() <= 4096));
        table.row(
                "take-over with agents in sync: no FULL, ≤ 1 KB per host",
                count(d.failover().fulls()) + " FULLs, max "
                        + bytes(d.failover().maxBytesPerHost()) + " per host",
                met(d.failover().fulls() == 0 && d.failover().maxBytesPerHost() <= 1024));
        table.row(
                "take-over: every host confirmed ≤ 60 s",
                seconds(d.failover().confirmSeconds()),
                met(d.failover().confirmSeconds().median() <= 60));
        membership(d).ifPresent(change -> {
            table.row(
                    "membership change ≤ 50 ms dispatcher time",
                    millisSpread(change.dispatcherMillis()),
                    met(change.dispatcherMillis().median() <= 50));
            table.row(
                    "its messages ≤ 512 bytes each",
                    bytes(change.maxMessageBytes()) + " largest",
                    met(change.maxMessageBytes() <= 512));
            table.row(
                    "≥ 1,000× fewer bytes than the whole ruleset per host",
                    ratio(change.naiveRatio()),
                    met(change.naiveRatio() >= 1000));
        });
    }

    private static void ovnTargets(MarkdownTable table, BenchResults r) {
        OvnFigures o = r.ovn();
        if (r.membership() != null) {
            double ovnToHost = o.membership().toRealChassisFlows().medianMillis();
            double weftToHost = r.membership().toEquivalentHostAppliedMillis().median();
            table.row(
                    "same change reaches the host ≥ 5× faster than OVN",
                    millis(weftToHost) + " vs OVN " + millis(ovnToHost) + ": " + ratio(ovnToHost / weftToHost),
                    met(ovnToHost / weftToHost >= 5));
        }
        if (r.dispatch() != null) {
            double northd = o.importToSouthboundMillis();
            double weftCompile = r.dispatch().load().wallSeconds().median() * 1000;
            table.row(
                    "full compile at least as fast as northd's",
                    millis(weftCompile) + " vs northd " + millis(northd) + " (first full compute)",
                    met(weftCompile <= northd));
        }
        if (r.coldStart() != null) {
            double weftHeap = r.coldStart().heapAfterGcMiB().median() * MIB;
            table.row(
                    "server memory ≤ northd + NB + SB",
                    mebibytes(weftHeap) + " heap vs " + mebibytes(o.memory().centralBytes()) + " RSS",
                    met(weftHeap <= o.memory().centralBytes()));
        }
        if (r.equivalentHost() != null) {
            table.row(
                    "one tunnel port per host (flow-based)",
                    r.equivalentHost().count("tunnel") + " vs OVN "
                            + o.realChassis().tunnelPorts(),
                    met(r.equivalentHost().count("tunnel") <= 1));
        }
    }

    private static String dispatch(DispatchFigures.Report d) {
        StringBuilder out = new StringBuilder();
        out.append(new MarkdownTable("measure", "median (min – max)")
                .row(
                        "load: model, index, every host's state compiled (wall)",
                        seconds(d.load().wallSeconds()))
                .row("load: CPU", seconds(d.load().cpuSeconds()))
                .row("load: heap held after GC", mib(d.load().heapHeldMiB()))
                .row(
                        "first start: every host's FULL built ("
                                + count(d.load().fullEntries()) + " entries)",
                        seconds(d.load().fullsSeconds()))
                .row(
                        "take-over, agents in sync: model rebuilt",
                        seconds(d.failover().modelSeconds()))
                .row("take-over: every host confirmed", seconds(d.failover().confirmSeconds()))
                .row(
                        "take-over: sent",
                        count(d.failover().fulls()) + " FULLs, "
                                + count(d.failover().confirmations())
                                + " confirmations, " + bytes(d.failover().meanBytesPerHost()) + " mean / "
                                + bytes(d.failover().maxBytesPerHost()) + " max per host")
                .render());
        out.append('\n');
        MarkdownTable changes = new MarkdownTable(
                "change",
                "dispatcher time",
                "hosts reached (recompiled / patched)",
                "messages",
                "bytes",
                "largest",
                "whole-ruleset bytes",
                "fewer bytes");
        for (DispatchFigures.ChangeFigures c : d.changes()) {
            changes.row(
                    c.change(),
                    millisSpread(c.dispatcherMillis()),
                    c.hostsReached() + " (" + c.hostsRecompiled() + " / " + c.hostsPatched() + ")",
                    count(c.messages()),
                    bytes(c.bytes()),
                    bytes(c.maxMessageBytes()),
                    bytes(c.naiveBytes()),
                    ratio(c.naiveRatio()));
        }
        out.append(changes.render());
        return out.toString();
    }

    private static String server(BenchResults r) {
        MarkdownTable table = new MarkdownTable("measure", "figure");
        if (r.load() != null) {
            ScenarioLoadFigures l = r.load();
            table.row(
                    "scenario loaded through the services (" + l.threads() + " threads)",
                    String.format(
                            Locale.ROOT,
                            "%,.0f s, %,.0f VMs/s, %.1f ms CPU per VM",
                            l.totalSeconds(),
                            l.vmsPerSecond(),
                            l.cpuMillisPerVm()));
        } else {
            table.row("scenario loaded through the services", "reused from an earlier run (see its JSON)");
        }
        ColdStartFigures c = r.coldStart();
        if (c != null) {
            table.row("cold start: healthy", seconds(c.healthySeconds()))
                    .row("cold start: fleet loaded by the dispatcher", seconds(c.fleetLoadedSeconds()))
                    .row("cold start: every host's state ready", seconds(c.everyHostReadySeconds()))
                    .row("cold start: CPU until ready", seconds(c.cpuSecondsAtReady()))
                    .row("cold start: heap after GC", mib(c.heapAfterGcMiB()));
        }
        StringBuilder out = new StringBuilder(table.render()).append('\n');
        if (r.api() == null) {
            return out.toString();
        }
        MarkdownTable api =
                new MarkdownTable("API call (" + r.api().threads() + " clients)", "calls/s", "p50", "p99", "errors");
        for (ApiThroughputFigures.Operation op : r.api().operations()) {
            api.row(
                    op.name(),
                    String.format(Locale.ROOT, "%,.1f", op.callsPerSecond()),
                    millis(op.p50Millis()),
                    millis(op.p99Millis()),
                    count(op.errors()));
        }
        return out.append(api.render()).toString();
    }

    private static String endToEnd(EndToEndReport.Report report) {
        EndToEndFigures e = report.endToEnd();
        MarkdownTable table = new MarkdownTable("measure", "figure")
                .row(
                        "agents (real agent code, in-memory dataplane) / start to in sync",
                        count(e.agents()) + " / " + millis(report.agents().startToInSyncMillis()))
                .row(
                        "per agent: threads / heap",
                        String.format(
                                Locale.ROOT,
                                "%.1f / %.0f KiB",
                                report.agents().threadsPerAgent(),
                                report.agents().heapPerAgentKiB()))
                .row(
                        "changes issued / acked / failed",
                        count(e.changesIssued()) + " / " + count(e.changesAcked()) + " / " + count(e.failures()))
                .row("API answer → every affected host acked: p50 / p90 / p99 / max", latency(e.answerToAllAcked()))
                .row(
                        "hosts reached per change: mean / max",
                        String.format(Locale.ROOT, "%.1f / %d", e.meanAffectedHosts(), e.maxAffectedHosts()))
                .row("hosts behind once the stream settled", count(report.hostsBehindAfterStream()))
                .row("acked signal", e.ackedSignal());
        e.byKind().forEach((kind, latency) -> table.row("  " + kind + ": p50 / p90 / p99 / max", latency(latency)));
        StringBuilder out = new StringBuilder(table.render());
        MixedLoadFigures m = report.mixedLoad();
        if (m != null) {
            out.append('\n');
            MarkdownTable mixed = new MarkdownTable(
                    "mixed load (" + m.clientThreads() + " clients, " + m.durationSeconds() + " s, " + m.agents()
                            + " agents)",
                    "requests/s",
                    "p50",
                    "p99",
                    "not 2xx",
                    "5xx");
            m.byKind()
                    .forEach((kind, k) -> mixed.row(
                            kind,
                            String.format(Locale.ROOT, "%,.1f", k.perSecond()),
                            millis(k.latency().p50Ms()),
                            millis(k.latency().p99Ms()),
                            count(k.non2xx()),
                            count(k.serverErrors())));
            mixed.row(
                    "all",
                    String.format(Locale.ROOT, "%,.1f", m.requestsPerSecond()),
                    "",
                    "",
                    count(m.non2xx()),
                    count(m.serverErrors()));
            out.append(mixed.render());
        }
        return out.toString();
    }

    private static String ovn(BenchResults r) {
        OvnFigures o = r.ovn();
        EquivalentHost host = r.equivalentHost();
        MarkdownTable table = new MarkdownTable("measure", "Weft", "OVN 23.03", "OVN ÷ Weft");
        if (r.membership() != null) {
            WeftMembershipTiming.Figures w = r.membership();
            table.row(
                    "membership change → the real host (" + host.host() + ")",
                    millisSpread(w.toEquivalentHostAppliedMillis()) + " (applied)",
                    spread(o.membership().toRealChassisFlows()) + " (flows changed)",
                    ratio(o.membership().toRealChassisFlows().medianMillis()
                            / w.toEquivalentHostAppliedMillis().median()));
            table.row(
                    "membership change → every affected host",
                    millisSpread(w.toEveryHostAckMillis()) + " (" + w.affectedHosts() + " hosts)",
                    spread(o.membership().toHypervisors()) + " (hv_cfg)",
                    ratio(o.membership().toHypervisors().medianMillis()
                            / w.toEveryHostAckMillis().median()));
        }
        table.row(
                "membership change → central database",
                "—",
                spread(o.membership().toSouthbound()) + " (sb_cfg)",
                "");
        if (r.dispatch() != null) {
            table.row(
                    "full compile",
                    seconds(r.dispatch().load().wallSeconds()) + " (every host)",
                    millis(o.importToSouthboundMillis()) + " first; "
                            + spread(o.recompute().wall()) + " forced",
                    ratio(o.importToSouthboundMillis()
                            / (r.dispatch().load().wallSeconds().median() * 1000)));
        }
        if (r.coldStart() != null) {
            table.row(
                    "server memory",
                    mib(r.coldStart().heapAfterGcMiB()) + " heap after GC",
                    mebibytes(o.memory().centralBytes()) + " RSS (northd "
                            + mebibytes(o.memory().northdBytes()) + ", NB "
                            + mebibytes(o.memory().northboundServerBytes()) + ", SB "
                            + mebibytes(o.memory().southboundServerBytes()) + ")",
                    ratio(o.memory().centralBytes()
                            / (r.coldStart().heapAfterGcMiB().median() * MIB)));
        }
        if (host != null) {
            table.row(
                    "on " + host.host() + ": flows",
                    count(host.count("flow")),
                    count(o.realChassis().openFlows()),
                    "");
            table.row(
                    "on " + host.host() + ": iptables rules / sets / set members",
                    count(host.chainRules()) + " / " + count(host.count("ipset")) + " / "
                            + count(host.count("ipset-member")),
                    "— (in flows)",
                    "");
            table.row(
                    "tunnel ports on " + host.host(),
                    count(host.count("tunnel")),
                    count(o.realChassis().tunnelPorts()),
                    "");
        }
        table.row(
                "central database",
                "—",
                "NB " + mebibytes(o.databases().northboundBytes()) + ", SB "
                        + mebibytes(o.databases().southboundBytes()) + ", "
                        + count(o.databases().logicalFlowRows())
                        + " logical flows",
                "");
        return table.render();
    }

    private static Optional<DispatchFigures.ChangeFigures> membership(DispatchFigures.Report d) {
        return d.changes().stream()
                .filter(c -> c.change().startsWith("membership"))
                .findFirst();
    }

    private static String seconds(DispatchFigures.Spread s) {
        return spreadOf(s.median(), s.min(), s.max(), s.samples(), " s");
    }

    private static String mib(DispatchFigures.Spread s) {
        return spreadOf(s.median(), s.min(), s.max(), s.samples(), " MiB");
    }

    private static String millisSpread(DispatchFigures.Spread s) {
        return spreadOf(s.median(), s.min(), s.max(), s.samples(), " ms");
    }

    private static String seconds(Summary s) {
        return spreadOf(s.median(), s.min(), s.max(), s.runs(), " s");
    }

    private static String mib(Summary s) {
        return spreadOf(s.median(), s.min(), s.max(), s.runs(), " MiB");
    }

    private static String millisSpread(Summary s) {
        return spreadOf(s.median(), s.min(), s.max(), s.runs(), " ms");
    }

    private static String spread(Spread s) {
        return spreadOf(
                s.medianMillis(),
                s.minMillis(),
                s.maxMillis(),
                s.samplesMillis().size(),
                " ms");
    }

    private static String spreadOf(double median, double min, double max, int samples, String unit) {
        if (samples <= 1) {
            return String.format(Locale.ROOT, "%,.1f%s", median, unit);
        }
        return String.format(Locale.ROOT, "%,.1f%s (%,.1f – %,.1f, %d runs)", median, unit, min, max, samples);
    }

    private static String latency(Latency l) {
        return millis(l.p50Ms()) + " / " + millis(l.p90Ms()) + " / " + millis(l.p99Ms()) + " / " + millis(l.maxMs());
    }

    private static String met(boolean met) {
        return met ? "yes" : "**no**";
    }

    /** A link from the page to {@code path}: Markdown resolves it against the page's folder. */
    private static String fromPage(BenchOptions options, java.nio.file.Path path) {
        return options.performancePage()
                .toAbsolutePath()
                .getParent()
                .relativize(path.toAbsolutePath())
                .toString();
    }

    private static String relative(BenchOptions options, java.nio.file.Path path) {
        return options.repository().relativize(path.toAbsolutePath()).toString();
    }
}
