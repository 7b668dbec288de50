package io.weft.spec.ec2;

/** An inclusive range of integers a parameter may take, such as 5–1000 for {@code MaxResults}. */
public record IntRange(int min, int max) {
    public IntRange {
        if (min > max) {
            throw new IllegalArgumentException("empty range " + min + ".." + max);
        }
    }

    public boolean contains(long value) {
        return value >= min && value <= max;
    }
}
