/**
 * Weft's rules engine: from one host's world to the exact dataplane state that host must hold,
 * and back. Pure: no processes, files, sockets, clock, threads or randomness.
 *
 * <pre>
 * model.HostModel ──HostCompiler.compile──► state.HostDesiredState (sorted keyed entries, hash())
 *                                                 │                       ▲
 *                    StateDiff.diff(actual, desired) ──► List&lt;Operation&gt; (apply order)
 *                                                 │                       │
 *   render.*: ipset -exist restore · ip / ovs-vsctl argv ·     parse.*: ipset save · iptables-save ·
 *   iptables-restore --noflush · ovs-ofctl --bundle add-flows  dump-flows · ovs-vsctl list (json)
 *                                                                ──► parse.ActualState.assemble
 * </pre>
 *
 * <p>An agent applies a diff tool by tool in the order of {@link io.weft.rules.diff.Phase}, the
 * one place that order is written down; each phase says which operations it acts on, and each
 * renderer takes the operations of its phases: {@code IpsetRestoreRenderer} (additions, removals),
 * {@code LinuxPlumbingCommands} and {@code OvsVsctlCommands} (creations, deletions), {@code
 * IptablesRestoreRenderer} per family, {@code OpenFlowBundleRenderer}.
 *
 * <p>Every rendered form is what the tool prints back (verified against iptables 1.8.9 nf_tables,
 * ipset 7.17 and Open vSwitch 3.1), so reading back what was written yields equal entries and an
 * empty diff.
 */
package io.weft.rules;
