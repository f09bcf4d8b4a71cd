package org.benchtarget.bench.cluster;

import org.benchtarget.bench.BenchException;
import org.benchtarget.bench.run.report.Merge;
import org.benchtarget.bench.run.result.Results;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One experiment from every load host of the cluster at once: {@code bench run ... --target LB --start-at T} in each
 * load host's namespace, then {@code bench merge} of their folders. Not thread-safe.
 */
final class LoadHosts {
    private static final Duration LOAD_LIMIT = Duration.ofMinutes(30);
    /** The load JVMs take a few seconds to start on a busy machine; every one of them begins at the same instant. */
    private static final int START_DELAY_SECONDS = 8;

    private final ClusterLayout layout;
    private final PrintStream out;

    LoadHosts(ClusterLayout layout, PrintStream out) {
        this.layout = layout;
        this.out = out;
    }

    /** What was asked of the load hosts: the folder prefix, bench's arguments, and the instant (epoch s) they began. */
    record Started(String name, List<Process> processes, List<Path> folders, long startAt) {
    }

    Started start(Path runDir, String name, List<String> run) throws IOException {
        long startAt = System.currentTimeMillis() / 1000 + START_DELAY_SECONDS;
        var processes = new ArrayList<Process>();
        var folders = new ArrayList<Path>();
        for (var load : layout.all(ClusterLayout.Role.LOAD)) {
            var folder = runDir.resolve(name + "-" + load.name());
            folders.add(folder);
            var args = new ArrayList<>(run);
            args.addAll(List.of("--target", layout.lbUrl(), "--start-at", Long.toString(startAt), "--out", folder.toString()));
            processes.add(HostProcesses.start(load, HostProcesses.bench(args), log(runDir, name, load)));
        }
        out.println("cluster run: " + name + ": bench " + String.join(" ", run) + " --target " + layout.lbUrl() + " on "
                + processes.size() + " load hosts at once");
        return new Started(name, processes, folders, startAt);
    }

    /** Waits for every load host to finish; returns the merge of their folders, or stops with the line of one that failed. */
    Results finish(Path runDir, Started started) throws IOException, InterruptedException {
        var loads = layout.all(ClusterLayout.Role.LOAD);
        for (int i = 0; i < started.processes().size(); i++) {
            var process = started.processes().get(i);
            if (!process.waitFor(LOAD_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            if (process.exitValue() != 0) {
                throw new BenchException(started.name() + " on " + loads.get(i).name() + " failed: "
                        + HostProcesses.lastLine(log(runDir, started.name(), loads.get(i))));
            }
        }
        return Merge.merge(started.folders(), runDir.resolve(started.name() + "-merged"));
    }

    private static Path log(Path runDir, String name, ClusterLayout.Host load) {
        return runDir.resolve(name + "-" + load.name() + ".log");
    }
}
