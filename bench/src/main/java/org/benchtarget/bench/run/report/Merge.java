package org.benchtarget.bench.run.report;

import org.HdrHistogram.Histogram;
import org.benchtarget.bench.BenchException;
import org.benchtarget.bench.run.result.Errors;
import org.benchtarget.bench.run.result.LatencyLog;
import org.benchtarget.bench.run.result.Latency;
import org.benchtarget.bench.run.result.Measurement;
import org.benchtarget.bench.run.result.Resources;
import org.benchtarget.bench.run.result.Results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bench merge}: the folders of several load hosts that ran the same experiment against the same target at
 * the same time, as one run. Per measurement: requests, errors, journeys and req/s added; latency percentiles from
 * the sum of the hosts' HdrHistograms ({@code latency.hlog}), never an average of percentiles (a p99 of two
 * p99s means nothing). A driver without histograms (ab, wrk, httperf) leaves the merged percentiles empty.
 */
public final class Merge {
    private Merge() {
    }

    /** Merges the folders into {@code out} (results, report, latency.hlog); returns the merged results. */
    public static Results merge(List<Path> folders, Path out) throws IOException {
        if (folders.size() < 2) {
            throw new BenchException("merge: give two or more result folders of load hosts that ran at the same time");
        }
        var runs = new ArrayList<Results>();
        var logs = new ArrayList<Map<String, Histogram>>();
        for (var folder : folders) {
            var results = Reports.read(folder);
            if (!runs.isEmpty() && !runs.get(0).experiment().equals(results.experiment())) {
                throw new BenchException("merge: " + folder + " ran " + results.experiment() + ", " + folders.get(0) + " ran "
                        + runs.get(0).experiment() + "; merge only runs of one experiment");
            }
            if (!results.loadHosts().isEmpty()) {
                throw new BenchException("merge: " + folder + " is already a merge; give the load hosts' own folders");
            }
            runs.add(results);
            logs.add(LatencyLog.read(Files.isDirectory(folder) ? folder : folder.getParent()));
        }
        Files.createDirectories(out);
        LatencyLog.create(out);
        var byKey = new LinkedHashMap<String, List<Integer>>();
        for (int host = 0; host < runs.size(); host++) {
            for (var m : runs.get(host).measurements()) {
                byKey.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(host);
            }
        }
        var merged = new ArrayList<Measurement>();
        for (var entry : byKey.entrySet()) {
            var parts = new ArrayList<Measurement>();
            var histograms = new ArrayList<Histogram>();
            for (int host : entry.getValue()) {
                var m = runs.get(host).measurements().stream().filter(x -> x.key().equals(entry.getKey())).findFirst().orElseThrow();
                parts.add(m);
                var histogram = m.histogram() == null ? null : logs.get(host).get(m.histogram());
                histograms.add(histogram);
            }
            merged.add(mergeOne(parts, histograms, out, "m" + (merged.size() + 1)));
        }
        var first = runs.get(0);
        var hosts = new ArrayList<Results.LoadHost>();
        for (int i = 0; i < runs.size(); i++) {
            var run = runs.get(i);
            hosts.add(new Results.LoadHost(name(folders.get(i)), run.machine(), run.started(), run.finished(), run.measurements()));
        }
        var settings = new LinkedHashMap<>(first.settings());
        settings.put("merged", runs.size() + " load hosts: " + String.join(", ", hosts.stream().map(Results.LoadHost::name).toList())
                + "; started " + runs.stream().map(Results::started).min(Comparator.naturalOrder()).orElse("")
                + " .. " + runs.stream().map(Results::started).max(Comparator.naturalOrder()).orElse(""));
        var warmups = runs.stream().flatMap(run -> run.warmups().stream()).toList();
        var profiles = first.profiles();
        var results = new Results(first.experiment(), first.title(), first.seed(), first.quick(), first.driver(),
                runs.stream().map(Results::started).min(Comparator.naturalOrder()).orElse(""),
                runs.stream().map(Results::finished).max(Comparator.naturalOrder()).orElse(""),
                runs.stream().anyMatch(Results::interrupted), first.machine(), settings, profiles, warmups, merged, hosts,
                first.shape());
        Reports.writeAll(out, results);
        return results;
    }

    private static Measurement mergeOne(List<Measurement> parts, List<Histogram> histograms, Path out, String tag) throws IOException {
        var first = parts.get(0);
        Latency latency = new Latency(null, null, null, null, null, null);
        String mergedTag = null;
        if (histograms.stream().allMatch(h -> h != null)) {
            var sum = new Histogram(histograms.get(0).getHighestTrackableValue(), histograms.get(0).getNumberOfSignificantValueDigits());
            long start = Long.MAX_VALUE;
            long end = 0;
            for (var histogram : histograms) {
                sum.add(histogram);
                start = Math.min(start, histogram.getStartTimeStamp());
                end = Math.max(end, histogram.getEndTimeStamp());
            }
            latency = Latency.fromMicros(sum);
            LatencyLog.append(out, tag, sum, start, end);
            mergedTag = tag;
        }
        long requests = parts.stream().mapToLong(Measurement::requests).sum();
        double seconds = parts.stream().mapToDouble(Measurement::seconds).max().orElse(0);
        double throughput = parts.stream().mapToDouble(Measurement::throughput).sum();
        return new Measurement(first.profile(), first.endpoint(), first.load(), first.level(), first.run(), first.driver(),
                requests, seconds, Math.round(throughput * 10) / 10.0, latency,
                parts.stream().map(Measurement::errors).reduce(Errors.NONE, Errors::plus),
                parts.stream().mapToLong(Measurement::journeys).sum(), parts.stream().mapToLong(Measurement::journeyFailures).sum(),
                Resources.NONE, first.knobs(), mergedTag);
    }

    private static String name(Path folder) {
        var dir = Files.isDirectory(folder) ? folder : folder.getParent();
        return dir.toAbsolutePath().normalize().getFileName().toString();
    }
}
