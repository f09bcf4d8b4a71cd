package org.benchtarget.db;

/**
 * SplitMix64: a tiny, fully specified generator, so the seed data is byte-identical on every
 * JVM and install (java.util.Random's sequence is specified too, but its API invites misuse).
 * Not thread-safe; one instance per seeding step.
 */
public final class SeedRandom {
    private long state;

    public SeedRandom(long seed) {
        this.state = seed;
    }

    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Returns a value in [0, bound). */
    public int nextInt(int bound) {
        return (int) Math.floorMod(nextLong(), (long) bound);
    }

    /** Returns a value in [from, to] inclusive. */
    public int between(int from, int to) {
        return from + nextInt(to - from + 1);
    }

    public <T> T pick(T[] values) {
        return values[nextInt(values.length)];
    }
}
