package org.benchtarget.bench.run.result;

import java.util.Map;

/**
 * One measurement: one profile, endpoint, load level and repetition. {@code requests} counts answers
 * received (any status); {@code throughput} is requests per second of wall time; journeys count the
 * scripted user journeys completed and failed (1 request = 1 journey for a plain endpoint). {@code histogram} is
 * the tag of this measurement's latencies in the folder's {@code latency.hlog} (null when the driver has none).
 * {@code driverCpuPercent} is the load driver's own CPU (% of one core; 0 when not sampled) and {@code driverBound}
 * says it was saturated: the figures then measure the client as much as the target. In an open loop {@code latencyMs}
 * is timed from each request's planned start (coordinated omission corrected) and {@code rawLatencyMs}, when the
 * driver keeps it, from when the request was actually sent (null otherwise).
 */
public record Measurement(String profile, String endpoint, String load, int level, int run, String driver,
                          long requests, double seconds, double throughput, Latency latencyMs, Errors errors,
                          long journeys, long journeyFailures, Resources resources, Map<String, String> knobs,
                          String histogram, double driverCpuPercent, boolean driverBound, Latency rawLatencyMs) {

    public Measurement(String profile, String endpoint, String load, int level, int run, String driver,
                       long requests, double seconds, double throughput, Latency latencyMs, Errors errors,
                       long journeys, long journeyFailures, Resources resources, Map<String, String> knobs,
                       String histogram, double driverCpuPercent, boolean driverBound) {
        this(profile, endpoint, load, level, run, driver, requests, seconds, throughput, latencyMs, errors, journeys,
                journeyFailures, resources, knobs, histogram, driverCpuPercent, driverBound, null);
    }

    public Measurement(String profile, String endpoint, String load, int level, int run, String driver,
                       long requests, double seconds, double throughput, Latency latencyMs, Errors errors,
                       long journeys, long journeyFailures, Resources resources, Map<String, String> knobs, String histogram) {
        this(profile, endpoint, load, level, run, driver, requests, seconds, throughput, latencyMs, errors, journeys,
                journeyFailures, resources, knobs, histogram, 0, false);
    }

    public Measurement(String profile, String endpoint, String load, int level, int run, String driver,
                       long requests, double seconds, double throughput, Latency latencyMs, Errors errors,
                       long journeys, long journeyFailures, Resources resources, Map<String, String> knobs) {
        this(profile, endpoint, load, level, run, driver, requests, seconds, throughput, latencyMs, errors, journeys,
                journeyFailures, resources, knobs, null);
    }

    /** Returns what identifies this measurement within an experiment, the same on every load host. */
    public String key() {
        return profile + " " + endpoint + " " + load + "=" + level + " run " + run;
    }
}
