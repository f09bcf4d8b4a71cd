package org.benchtarget.bench.run.target;

import org.benchtarget.bench.run.result.Sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Samples CPU, RSS and threads of a process and all its descendants from /proc, as the seeds did
 * with {@code top -b}: CPU from utime+stime (and cutime+cstime, the reaped children's) in /proc/PID/stat, RSS and
 * threads from /proc/PID/status.
 * On a system without /proc it records nothing. One sampler per measurement; not thread-safe except {@link #stop()}.
 */
public final class TreeSampler implements AutoCloseable {
    /** USER_HZ: 100 on every Linux the JDK runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final ProcessHandle root;
    private final long experimentStartNanos;
    private final long intervalMillis;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    public TreeSampler(ProcessHandle root, long experimentStartNanos, long intervalMillis) {
        this.root = root;
        this.experimentStartNanos = experimentStartNanos;
        this.intervalMillis = intervalMillis;
        this.thread = Thread.ofPlatform().daemon().name("tree-sampler").start(this::loop);
    }

    private void loop() {
        while (running) {
            takeSample();
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long lastTicks = -1;
    private long lastNanos;
    private long firstTicks = -1;
    private long firstNanos;

    private void takeSample() {
        long now = System.nanoTime();
        var reading = read();
        if (reading == null) {
            return;
        }
        double cpu = lastTicks < 0 ? 0 : (reading.ticks - lastTicks) / TICKS_PER_SECOND / ((now - lastNanos) / 1e9) * 100;
        synchronized (samples) {
            samples.add(new Sample(Math.round((now - experimentStartNanos) / 1e7) / 100.0, Math.round(cpu * 10) / 10.0,
                    Math.round(reading.rssKiB / 102.4) / 10.0, reading.threads, reading.processes));
        }
        if (firstTicks < 0) {
            firstTicks = reading.ticks;
            firstNanos = now;
        }
        lastTicks = reading.ticks;
        lastNanos = now;
    }

    /** Returns CPU over the whole window, first to last reading (% of one core): right even when a load lasts less than one interval. */
    public double averageCpuPercent() {
        synchronized (samples) {
            return lastNanos <= firstNanos ? 0 : (lastTicks - firstTicks) / TICKS_PER_SECOND / ((lastNanos - firstNanos) / 1e9) * 100;
        }
    }

    private record Reading(long ticks, long rssKiB, int threads, int processes) {
    }

    private Reading read() {
        long ticks = 0;
        long rss = 0;
        int threads = 0;
        int processes = 0;
        for (var handle : Stream.concat(Stream.of(root), root.descendants()).toList()) {
            try {
                var stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"));
                // fields after the command name (which may hold spaces) in parentheses: 14 utime, 15 stime, and 16 cutime,
                // 17 cstime: the children it reaped, so a child that ran and ended between two readings (ab, wrk under
                // bench) still counts, once, in its parent's figures
                var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
                for (var line : Files.readAllLines(Path.of("/proc", Long.toString(handle.pid()), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        rss += Long.parseLong(line.replaceAll("\\D", ""));
                    } else if (line.startsWith("Threads:")) {
                        threads += Integer.parseInt(line.replaceAll("\\D", ""));
                    }
                }
                processes++;
            } catch (IOException | RuntimeException gone) {
                // the process ended between listing and reading
            }
        }
        return processes == 0 ? null : new Reading(ticks, rss, threads, processes);
    }

    /** Stops sampling (taking one last sample) and returns what was seen; later calls return the same. */
    public List<Sample> stop() {
        if (!running) {
            synchronized (samples) {
                return List.copyOf(samples);
            }
        }
        running = false;
        thread.interrupt();
        try {
            thread.join(2_000);
            takeSample(); // the tail since the last sample

        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
