package io.weft.spec.host;

/**
 * A point in a host's ordered history of desired states. The epoch moves forward when another
 * management server takes over dispatching; generations only move forward within an epoch, and
 * any (epoch, generation) is newer than every pair of an older epoch.
 */
public record Generation(long epoch, long number) implements Comparable<Generation> {
    public static final Generation NONE = new Generation(0, 0);

    public Generation {
        if (epoch < 0 || number < 0) {
            throw new IllegalArgumentException("generation " + epoch + "/" + number + " is negative");
        }
    }

    public Generation next() {
        return new Generation(epoch, number + 1);
    }

    public boolean isAfter(Generation other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Generation other) {
        int byEpoch = Long.compare(epoch, other.epoch);
        return byEpoch != 0 ? byEpoch : Long.compare(number, other.number);
    }

    @Override
    public String toString() {
        return epoch + "/" + number;
    }
}
