package org.benchtarget.bench.run.result;

import java.util.Map;

/**
 * One measurement: one profile, endpoint, load level and repetition. {@code requests} counts answers
 * received (any status); {@code throughput} is requests per second of wall time; journeys count the
 * scripted user journeys completed and failed (1 request = 1 journey for a plain endpoint).
 */
public record Measurement(String profile, String endpoint, String load, int level, int run, String driver,
                          long requests, double seconds, double throughput, Latency latencyMs, Errors errors,
                          long journeys, long journeyFailures, Resources resources, Map<String, String> knobs) {
}
