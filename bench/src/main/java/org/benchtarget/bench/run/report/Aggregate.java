package org.benchtarget.bench.run.report;

import org.benchtarget.bench.run.result.Errors;
import org.benchtarget.bench.run.result.Measurement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** The repetitions of one profile x endpoint x level folded into one line: medians, ranges, sums. */
record Aggregate(String profile, String endpoint, String load, int level, int runs, long requests,
                 double throughput, double throughputMin, double throughputMax, Double p50, Double p90, Double p99,
                 Double p999, Double max, Errors errors, long journeys, long journeyFailures, double journeysPerSecond, double cpuAvg,
                 double rssMax, int threadsMax, double driverCpu, boolean driverBound) {

    /** Groups in first-seen order (profiles, then endpoints, then levels as run). */
    static List<Aggregate> of(List<Measurement> measurements) {
        var groups = new LinkedHashMap<String, List<Measurement>>();
        for (var m : measurements) {
            groups.computeIfAbsent(key(m.profile(), m.endpoint(), m.level()), k -> new ArrayList<>()).add(m);
        }
        var result = new ArrayList<Aggregate>();
        for (var group : groups.values()) {
            var first = group.get(0);
            result.add(new Aggregate(first.profile(), first.endpoint(), first.load(), first.level(), group.size(),
                    group.stream().mapToLong(Measurement::requests).sum(),
                    median(group, Measurement::throughput),
                    group.stream().mapToDouble(Measurement::throughput).min().orElse(0),
                    group.stream().mapToDouble(Measurement::throughput).max().orElse(0),
                    medianOrNull(group, m -> m.latencyMs().p50()),
                    medianOrNull(group, m -> m.latencyMs().p90()),
                    medianOrNull(group, m -> m.latencyMs().p99()),
                    medianOrNull(group, m -> m.latencyMs().p999()),
                    group.stream().map(m -> m.latencyMs().max()).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null),
                    group.stream().map(Measurement::errors).reduce(Errors.NONE, Errors::plus),
                    group.stream().mapToLong(Measurement::journeys).sum(),
                    group.stream().mapToLong(Measurement::journeyFailures).sum(),
                    median(group, m -> m.seconds() > 0 ? m.journeys() / m.seconds() : 0.0),
                    median(group, m -> m.resources().cpuAvgPercent()),
                    group.stream().mapToDouble(m -> m.resources().rssMaxMiB()).max().orElse(0),
                    group.stream().mapToInt(m -> m.resources().threadsMax()).max().orElse(0),
                    median(group, Measurement::driverCpuPercent),
                    group.stream().anyMatch(Measurement::driverBound)));
        }
        return result;
    }

    static String key(String profile, String endpoint, int level) {
        return profile + "\u0000" + endpoint + "\u0000" + level;
    }

    String key() {
        return key(profile, endpoint, level);
    }

    /** CPU microseconds per answered request of the sampled process tree: % of one core x 10,000 / req/s. */
    double cpuMicrosPerRequest() {
        return throughput > 0 ? cpuAvg * 10_000 / throughput : 0;
    }

    /** Failed journeys per 10,000 started, over all runs (seed 001's measure of survey failures). */
    double journeyFailuresPer10k() {
        long started = journeys + journeyFailures;
        return started == 0 ? 0 : journeyFailures * 10_000.0 / started;
    }

    /** Mean time per request across all concurrent requests, as ab prints it (the seeds' "ms/req"). */
    double msPerRequest() {
        return throughput <= 0 ? 0 : 1000.0 / throughput;
    }

    private static double median(List<Measurement> group, Function<Measurement, Double> value) {
        var sorted = group.stream().map(value).sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The median of the values that are there, null when none is. */
    static Double medianOrNull(List<Measurement> group, Function<Measurement, Double> value) {
        var sorted = group.stream().map(value).filter(Objects::nonNull).sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            return null;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
