package io.weft.bench.system.ovn;

import java.util.Map;

/**
 * Everything measured of OVN for one scenario, as plain values for Jackson. Times are in
 * milliseconds, sizes and memory in bytes; each field says what was timed, from where to where.
 *
 * @param imported the preset (S, M, L), its seed, and the size of what was imported
 * @param importMillis one northbound {@code transact} carrying the whole scenario: sent → committed
 * @param importToSouthboundMillis that commit → {@code sb_cfg} of the same transaction: northd's
 *     first full compute of the whole cloud, written to the southbound database
 * @param chassisRegistrationMillis every fake chassis (Chassis and Encap rows) added and its ports bound,
 *     in one southbound transaction: sent → committed
 * @param realChassisReadyMillis ovn-controller started → its {@code nb_cfg} ack of a bump made once
 *     its Chassis_Private row existed: the real chassis fully programmed from scratch
 * @param recompute northd's forced full recomputes
 * @param northdStopwatches northd's own stopwatches over the forced recomputes (reset before them)
 * @param membership the change Weft also measures, each leave and each join one sample
 */
public record OvnFigures(
        Imported imported,
        double importMillis,
        double importToSouthboundMillis,
        double chassisRegistrationMillis,
        double realChassisReadyMillis,
        Recompute recompute,
        Map<String, NorthdStopwatch> northdStopwatches,
        Membership membership,
        Databases databases,
        RealChassisState realChassis,
        Memory memory) {

    /**
     * {@code inc-engine/recompute}, repeated.
     *
     * @param wall requested (the {@code ovs-appctl} call included) → {@code sb_cfg} of an nb_cfg
     *     bump sent right after
     * @param northdCpu CPU time northd spent over each of those intervals (ticks of 10 ms)
     */
    public record Recompute(Spread wall, Spread northdCpu) {}

    /** What was imported. */
    public record Imported(
            String shape,
            long seed,
            int repeats,
            int hosts,
            int logicalSwitches,
            int logicalPorts,
            int portGroups,
            int acls,
            int fakeChassis,
            String realChassis) {}

    /**
     * One NIC leaving {@code portGroup} (and joining again) by a mutate of its {@code ports}.
     *
     * @param toSouthbound the write sent → {@code sb_cfg} reached the write's {@code nb_cfg}
     *     (what {@code ovn-nbctl --wait=sb} waits for, without its process start)
     * @param toHypervisors the write sent → {@code hv_cfg} reached it ({@code --wait=hv}). Fake
     *     chassis have no Chassis_Private row, so northd takes {@code hv_cfg} from the real
     *     ovn-controller alone, which reports an nb_cfg only once its flows for it are installed
     * @param northdCpu CPU time northd spent from each write to its {@code hv_cfg} ack (ticks of 10 ms)
     * @param controllerCpu CPU time the real ovn-controller spent over the same interval
     * @param toRealChassisFlows the write (without an nb_cfg bump) sent → the moment an OpenFlow flow
     *     monitor on the real chassis' br-int ({@code ovs-ofctl monitor br-int
     *     watch:!initial,ip,nw_src=<nic ip>}) reported the last of the NIC's address-set flows
     *     deleted (leave) or added (join)
     */
    public record Membership(
            String portGroup,
            String port,
            String ip,
            long flowsForIpBefore,
            Spread toSouthbound,
            Spread toHypervisors,
            Spread northdCpu,
            Spread controllerCpu,
            Spread toRealChassisFlows) {}

    /**
     * Database files after {@code ovsdb-server/compact}, and southbound row counts. Only a running
     * ovn-controller writes a Chassis_Private row, so {@code chassisPrivateRows} is 1: the real
     * chassis, the only one {@code hv_cfg} waits for.
     */
    public record Databases(
            long northboundBytes,
            long southboundBytes,
            long chassisRows,
            long chassisPrivateRows,
            long encapRows,
            long logicalFlowRows) {}

    /** The real chassis' br-int: every OpenFlow flow, and its tunnel interfaces. */
    public record RealChassisState(long openFlows, long tunnelPorts) {}

    /** Resident memory (VmRSS) at the end of the run. */
    public record Memory(
            long northdBytes, long northboundServerBytes, long southboundServerBytes, long controllerBytes) {
        /** The control plane Weft's server stands beside: northd and both databases. */
        public long centralBytes() {
            return northdBytes + northboundServerBytes + southboundServerBytes;
        }
    }
}
