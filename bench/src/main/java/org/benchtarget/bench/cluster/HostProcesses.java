package org.benchtarget.bench.cluster;

import org.benchtarget.bench.BenchException;
import org.benchtarget.bench.serve.TargetJars;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Programs started inside a host's namespace with {@code ip netns exec} (which execs, so the PID is the program's),
 * their output in a log file rather than a pipe, so they outlive the {@code bench cluster up} that started them.
 */
final class HostProcesses {
    /** The JVM options of bench itself on a load host or as {@code bench serve}: bounded, like the targets'. */
    private static final List<String> BENCH_JVM = List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx384m");

    private HostProcesses() {
    }

    static Process start(ClusterLayout.Host host, List<String> command, Path log) throws IOException {
        var full = new ArrayList<>(Ip.in(host.namespace()));
        full.addAll(command);
        Files.createDirectories(log.getParent());
        return new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Returns the command running this same bench (same java, classpath and home) with {@code args}. */
    static List<String> bench(List<String> args) {
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(BENCH_JVM);
        command.add("-Dbench.home=" + TargetJars.home());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.benchtarget.bench.BenchCommand");
        command.addAll(args);
        return command;
    }

    /** Runs bench on a host to its end; returns its exit code. */
    static int runBench(ClusterLayout.Host host, List<String> args, Path log, Duration limit) throws IOException, InterruptedException {
        var process = start(host, bench(args), log);
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new BenchException("bench " + String.join(" ", args) + " on " + host.name() + ": no end within "
                    + limit.toSeconds() + " s (log: " + log + ")");
        }
        return process.exitValue();
    }

    /** Waits until {@code address:port} accepts a connection from inside {@code from}'s namespace, or stops with one line. */
    static void awaitListening(ClusterLayout.Host from, String address, int port, Process process, Path log, Duration limit)
            throws IOException, InterruptedException {
        var deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (process != null && !process.isAlive()) {
                throw new BenchException(address + ":" + port + " exited with " + process.exitValue() + " before listening: "
                        + lastLine(log) + " (log: " + log + ")");
            }
            var probe = new ProcessBuilder("ip", "netns", "exec", from.namespace(), "bash", "-c",
                    "exec 3<>/dev/tcp/" + address + "/" + port).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (probe.waitFor(5, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                return;
            }
            probe.destroyForcibly();
            Thread.sleep(250);
        }
        throw new BenchException(address + ":" + port + " did not listen within " + limit.toSeconds() + " s: " + lastLine(log)
                + " (log: " + log + ")");
    }

    static String lastLine(Path log) throws IOException {
        if (!Files.isRegularFile(log)) {
            return "no output";
        }
        var lines = Files.readAllLines(log).stream().filter(line -> !line.isBlank() && !line.startsWith("WARNING")).toList();
        return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).strip();
    }
}
