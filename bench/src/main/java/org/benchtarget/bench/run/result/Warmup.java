package org.benchtarget.bench.run.result;

import java.util.List;

/**
 * How a target was warmed up before an endpoint was measured: until throughput stopped rising, or the bound.
 * {@code steadySeconds}: seconds from the warm-up's start (the target answering, just started) until req/s stayed
 * within 5% of the last round's; null in results written before it was recorded.
 */
public record Warmup(String profile, String endpoint, int rounds, long requests, double seconds, double finalThroughput,
                     boolean levelledOff, Double steadySeconds) {
    /** Within this fraction of the last round's req/s, a round counts as steady. */
    public static final double STEADY_BAND = 0.05;

    public Warmup(String profile, String endpoint, int rounds, long requests, double seconds, double finalThroughput,
                  boolean levelledOff) {
        this(profile, endpoint, rounds, requests, seconds, finalThroughput, levelledOff, null);
    }

    /** One warm-up round: when it started (seconds from the warm-up's start) and its req/s. */
    public record Round(double startSeconds, double throughput) {
    }

    /**
     * Returns when the rounds became steady: the start of the earliest round from which every round is within
     * {@link #STEADY_BAND} of the last one; null without rounds.
     */
    public static Double steadySeconds(List<Round> rounds) {
        if (rounds.isEmpty()) {
            return null;
        }
        double last = rounds.get(rounds.size() - 1).throughput();
        int first = rounds.size() - 1;
        while (first > 0 && Math.abs(rounds.get(first - 1).throughput() - last) <= last * STEADY_BAND) {
            first--;
        }
        return Math.round(rounds.get(first).startSeconds() * 10) / 10.0;
    }
}
