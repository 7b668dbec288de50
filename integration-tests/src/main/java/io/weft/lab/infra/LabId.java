package io.weft.lab.infra;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names one lab: {@code wl<owner pid>n<sequence>}. Every namespace and directory of the lab starts
 * with it, so leftovers can be found by prefix, and the owner pid in it tells a crashed run's
 * leftovers (owner gone) from a lab that another test JVM is using right now (owner alive).
 */
public record LabId(long ownerPid, int sequence) {

    /** Every lab name starts with this; never used by anything else on a host. */
    public static final String PREFIX = "wl";

    private static final Pattern NAME = Pattern.compile("^" + PREFIX + "(\\d+)n(\\d+)(?:-.*)?$");
    private static final AtomicInteger NEXT_SEQUENCE = new AtomicInteger(1);

    public LabId {
        if (ownerPid <= 0 || sequence <= 0) {
            throw new IllegalArgumentException("ownerPid and sequence must be positive");
        }
    }

    public static LabId next() {
        return new LabId(ProcessHandle.current().pid(), NEXT_SEQUENCE.getAndIncrement());
    }

    /** Reads the lab id back from a namespace or directory name it produced, if it is one. */
    public static Optional<LabId> parse(String name) {
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LabId(Long.parseLong(matcher.group(1)), Integer.parseInt(matcher.group(2))));
        } catch (IllegalArgumentException notOurs) { // NumberFormatException too: digits that overflow
            return Optional.empty();
        }
    }

    public String value() {
        return PREFIX + ownerPid + "n" + sequence;
    }

    /** The namespace holding one member of this lab. */
    public String namespace(String member) {
        return value() + "-" + member;
    }

    /**
     * Third octet of this lab's underlay 10.250.X.0/24. Each lab's underlay lives in its own
     * namespaces, so labs cannot clash; distinct octets only make captures easier to read.
     */
    public int underlayOctet() {
        return 1 + (sequence - 1) % 250;
    }

    @Override
    public String toString() {
        return value();
    }
}
