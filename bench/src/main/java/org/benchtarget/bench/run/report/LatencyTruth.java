package org.benchtarget.bench.run.report;

import org.benchtarget.bench.run.result.Latency;
import org.benchtarget.bench.run.result.Measurement;
import org.benchtarget.core.fixture.DelaySpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Measured latency against ground truth, for open-loop runs whose driver kept raw service times: per profile, endpoint
 * and rate, p50/p90/p99 as the closed form of a {@code /delay/{spec}} endpoint gives them (the true percentiles, "–"
 * for other endpoints), as measured from each request's planned start (corrected for coordinated omission) and from
 * when it was actually sent (raw). A tool whose corrected figures sit near the true ones measures right; raw figures
 * well below corrected ones mean requests waited to be sent.
 */
final class LatencyTruth {
    private static final double[] PERCENTILES = {50, 90, 99};

    private LatencyTruth() {
    }

    /** Returns the table, or null when no measurement has raw latencies. */
    static Table of(List<Measurement> measurements) {
        var groups = new LinkedHashMap<String, List<Measurement>>();
        measurements.stream().filter(m -> m.rawLatencyMs() != null)
                .forEach(m -> groups.computeIfAbsent(Aggregate.key(m.profile(), m.endpoint(), m.level()), k -> new ArrayList<>()).add(m));
        if (groups.isEmpty()) {
            return null;
        }
        var rows = new ArrayList<List<String>>();
        for (var group : groups.values()) {
            var first = group.get(0);
            var row = new ArrayList<>(List.of(first.profile(), first.endpoint(), Integer.toString(first.level())));
            var truth = trueMillis(first.endpoint());
            for (int i = 0; i < PERCENTILES.length; i++) {
                int index = i;
                row.add(truth == null ? "–" : ReportTables.ms(truth.get(i)));
                row.add(ReportTables.ms(Aggregate.medianOrNull(group, m -> pick(m.latencyMs(), index))));
                row.add(ReportTables.ms(Aggregate.medianOrNull(group, m -> pick(m.rawLatencyMs(), index))));
            }
            rows.add(row);
        }
        return new Table("Latency against ground truth", "ms, medians of the runs. true: the closed form of /delay/{spec}'s "
                + "distribution (uncapped; README gives each); corrected: timed from each request's planned start, so a stall "
                + "counts against the server (coordinated omission corrected, as wrk2 and HdrHistogram do); raw: timed from "
                + "when the request was actually sent", List.of("profile", "endpoint", "rate", "p50 true", "p50 corrected",
                "p50 raw", "p90 true", "p90 corrected", "p90 raw", "p99 true", "p99 corrected", "p99 raw"), rows);
    }

    /** The true p50, p90 and p99 in ms of {@code /delay/{spec}} (query ignored), or null for any other endpoint or a bad spec. */
    static List<Double> trueMillis(String endpoint) {
        if (!endpoint.startsWith("/delay/")) {
            return null;
        }
        var spec = endpoint.substring("/delay/".length()).split("[?#]", 2)[0];
        try {
            var delay = DelaySpec.parseNamed(spec, Duration.ofDays(1));
            var values = new ArrayList<Double>();
            for (double p : PERCENTILES) {
                values.add(Math.round(delay.quantileNanos(p / 100) / 1_000) / 1_000.0);
            }
            return values;
        } catch (RuntimeException badSpec) {
            return null;
        }
    }

    private static Double pick(Latency latency, int index) {
        return switch (index) {
            case 0 -> latency.p50();
            case 1 -> latency.p90();
            default -> latency.p99();
        };
    }
}
