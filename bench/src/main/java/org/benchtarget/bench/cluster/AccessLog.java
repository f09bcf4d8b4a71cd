package org.benchtarget.bench.cluster;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The load balancer's access log as {@link LoadBalancerConfig} writes it (nginx: {@code $msec $upstream_addr
 * $status $request_time} in seconds; HAProxy: {@code %Ts.%ms %si:%sp %ST %Ta} in milliseconds): which target
 * host answered each request, when, how, and how fast. Lines of anything else are skipped. Immutable.
 */
record AccessLog(List<Entry> entries) {

    /** One request: when it ended (epoch ms), the host that answered (the last one nginx tried), status, duration. */
    record Entry(long epochMillis, String host, int status, double millis) {
    }

    /** Per target host: requests, 5xx answers, latency at the balancer (ms). */
    record HostStats(long requests, long serverErrors, double p50, double p99, double max) {
    }

    static AccessLog read(Path file, LoadBalancerConfig.Kind kind) throws IOException {
        var entries = new ArrayList<Entry>();
        if (!Files.isRegularFile(file)) {
            return new AccessLog(entries);
        }
        for (var line : Files.readAllLines(file)) {
            var entry = parse(line, kind);
            if (entry != null) {
                entries.add(entry);
            }
        }
        return new AccessLog(List.copyOf(entries));
    }

    static Entry parse(String line, LoadBalancerConfig.Kind kind) {
        var fields = line.strip().split(" ");
        if (fields.length < 4) {
            return null;
        }
        try {
            long when = Math.round(Double.parseDouble(fields[0]) * 1000);
            int status = Integer.parseInt(fields[fields.length - 2]);
            double time = Double.parseDouble(fields[fields.length - 1]);
            // nginx lists every host it tried ("a, b"): the last one answered
            var host = fields[fields.length - 3].replace(",", "");
            return new Entry(when, host, status, kind == LoadBalancerConfig.Kind.NGINX ? time * 1000 : time);
        } catch (NumberFormatException notOurs) {
            return null;
        }
    }

    /** Returns, per host that answered between {@code fromMillis} and {@code toMillis}, what it did. */
    Map<String, HostStats> byHost(long fromMillis, long toMillis) {
        var histograms = new TreeMap<String, Histogram>();
        var errors = new TreeMap<String, Long>();
        for (var entry : entries) {
            if (entry.epochMillis() < fromMillis || entry.epochMillis() > toMillis) {
                continue;
            }
            histograms.computeIfAbsent(entry.host(), host -> new Histogram(3_600_000_000L, 3))
                    .recordValue(Math.max(0, Math.round(entry.millis() * 1000)));
            errors.merge(entry.host(), entry.status() >= 500 ? 1L : 0L, Long::sum);
        }
        var stats = new TreeMap<String, HostStats>();
        histograms.forEach((host, histogram) -> stats.put(host, new HostStats(histogram.getTotalCount(), errors.get(host),
                histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0, histogram.getMaxValue() / 1000.0)));
        return stats;
    }

    /** Returns the time of the last answer from {@code host}, or 0 when it never answered. */
    long lastAnswer(String host) {
        return entries.stream().filter(entry -> entry.host().equals(host)).mapToLong(Entry::epochMillis).max().orElse(0);
    }
}
