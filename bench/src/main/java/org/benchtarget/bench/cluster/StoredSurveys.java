package org.benchtarget.bench.cluster;

import org.benchtarget.bench.BenchException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How many completed surveys the cluster's store holds, and how many distinct tokens among them: {@code bench db count}
 * on a load host, which reaches the database host and the Cassandra host (bench cluster itself is outside the hosts'
 * network).
 */
record StoredSurveys(long stored, long distinct) {
    private static final Pattern LINE = Pattern.compile("stored (\\d+), distinct tokens (\\d+) \\((\\w+)\\)");
    private static final Duration LIMIT = Duration.ofMinutes(2);

    /** Runs the count, its output in {@code log}; stops with one line when it fails. */
    static StoredSurveys count(ClusterLayout layout, Path log) throws IOException, InterruptedException {
        var args = Cluster.withSets(List.of("db", "count"), layout.dataKnobs());
        int exit = HostProcesses.runBench(layout.one(ClusterLayout.Role.LOAD), args, log, LIMIT);
        var matcher = LINE.matcher(Files.readString(log));
        if (exit != 0 || !matcher.find()) {
            throw new BenchException("bench db count failed: " + HostProcesses.lastLine(log) + " (log: " + log + ")");
        }
        return new StoredSurveys(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)));
    }
}
