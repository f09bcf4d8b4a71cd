package org.benchtarget.bench.run.target;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The load driver's own CPU during one level, from /proc: bench's process tree (the embedded driver's threads, or
 * ab/wrk/httperf as bench's children) minus the target's tree when bench started the target as a child too; and,
 * when the driver is pinned ({@code --pin}), how busy its CPUs were in all (/proc/stat), whoever kept them busy.
 * The driver is saturated ({@code driver-bound}: the run measured the client) when its pinned CPUs were 90 % busy or
 * more, or, unpinned, when it used 90 % or more of every core it can use. Not thread-safe.
 */
public final class DriverCpu implements AutoCloseable {
    /** At this share a CPU is saturated (a busy core never reads exactly 100 %). */
    static final double SATURATED = 0.9;

    private final TreeSampler bench;
    private final boolean targetIsChild;
    private final Set<Integer> cpus;
    private final long[] cpuStart;

    /**
     * Starts sampling; {@code target} is the target's process tree, or null when it is not on this machine;
     * {@code cpus} the driver's pinned CPUs (empty: not pinned).
     */
    public DriverCpu(ProcessHandle target, long experimentStartNanos, Set<Integer> cpus) {
        var self = ProcessHandle.current();
        this.bench = new TreeSampler(self, experimentStartNanos, 100);
        this.targetIsChild = target != null && self.descendants().anyMatch(child -> child.pid() == target.pid());
        this.cpus = Set.copyOf(cpus);
        this.cpuStart = cpus.isEmpty() ? null : busyAndTotal(this.cpus);
    }

    /** What one level's driver did: its CPU (% of one core) and whether it was saturated. */
    public record Reading(double cpuPercent, boolean saturated) {
    }

    /** Stops sampling; {@code targetCpuPercent} is what the target's tree used, {@code cores} how many cores the driver can use. */
    public Reading stop(double targetCpuPercent, int cores) {
        bench.stop();
        double own = Math.max(0, Math.round((bench.averageCpuPercent() - (targetIsChild ? targetCpuPercent : 0)) * 10) / 10.0);
        if (cpuStart != null) {
            var end = busyAndTotal(cpus);
            long total = end[1] - cpuStart[1];
            return new Reading(own, total > 0 && (end[0] - cpuStart[0]) >= SATURATED * total);
        }
        return new Reading(own, saturated(own, cores));
    }

    /** Returns whether an unpinned driver that can use {@code cores} cores was saturated at {@code cpuPercent}. */
    static boolean saturated(double cpuPercent, int cores) {
        return cpuPercent >= SATURATED * 100 * Math.max(1, cores);
    }

    /** Parses taskset's CPU list ({@code 1}, {@code 1-3}, {@code 0,2}); null or empty: none. */
    public static Set<Integer> cpuList(String list) {
        var cpus = new TreeSet<Integer>();
        if (list == null || list.isBlank()) {
            return cpus;
        }
        for (var part : list.split(",")) {
            var range = part.strip().split("-");
            int from = Integer.parseInt(range[0].strip());
            int to = range.length > 1 ? Integer.parseInt(range[1].strip()) : from;
            for (int cpu = from; cpu <= to; cpu++) {
                cpus.add(cpu);
            }
        }
        return cpus;
    }

    /** Busy and total jiffies of these CPUs from /proc/stat (busy: all but idle and iowait); zeros without /proc. */
    private static long[] busyAndTotal(Set<Integer> cpus) {
        long busy = 0;
        long total = 0;
        try {
            for (var line : Files.readAllLines(Path.of("/proc/stat"))) {
                if (!line.startsWith("cpu") || line.startsWith("cpu ")) {
                    continue;
                }
                var fields = line.split("\\s+");
                if (!cpus.contains(Integer.parseInt(fields[0].substring(3)))) {
                    continue;
                }
                var values = new ArrayList<Long>();
                for (int i = 1; i < fields.length && i <= 8; i++) { // user nice system idle iowait irq softirq steal
                    values.add(Long.parseLong(fields[i]));
                }
                long all = values.stream().mapToLong(Long::longValue).sum();
                total += all;
                busy += all - values.get(3) - values.get(4);
            }
        } catch (IOException | RuntimeException unreadable) {
            return new long[] {0, 0};
        }
        return new long[] {busy, total};
    }

    @Override
    public void close() {
        bench.stop();
    }
}
