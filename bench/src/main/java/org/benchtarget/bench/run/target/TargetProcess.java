package org.benchtarget.bench.run.target;

import org.benchtarget.bench.BenchException;
import org.benchtarget.bench.serve.Ceilings;
import org.benchtarget.bench.serve.JettyBase;
import org.benchtarget.bench.serve.JettyContainer;
import org.benchtarget.bench.serve.TargetJars;
import org.benchtarget.bench.serve.TargetJvm;
import org.benchtarget.core.config.Modes.Mode;
import org.benchtarget.core.config.Settings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * A target started as its own process (tree) for one stretch of an experiment: its output goes to a
 * log file, it is ready when it prints "listening on port N", and {@link #close()} stops it with
 * SIGTERM, then SIGKILL after a bound, children included, so a run leaves no orphans. A container-mode
 * profile is Jetty's own start.jar on a fresh jetty-base, as {@code bench serve} runs it (no bench JVM in the
 * tree: the container's CPU and RSS are Jetty's alone).
 */
public final class TargetProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final ProcessHandle handle;
    private final int port;
    private final Runnable stop;

    private TargetProcess(ProcessHandle handle, int port, Runnable stop) {
        this.handle = handle;
        this.port = port;
        this.stop = stop;
    }

    /**
     * Starts {@code java -jar TARGET.jar PROFILE --set ...} (behind {@code cpuPrefix}, e.g. taskset) and waits
     * for its listening line; a target that exits or stays silent stops the run with one line from its log.
     */
    public static TargetProcess start(Settings settings, List<String> sets, List<String> jvmOptions,
                                      List<String> cpuPrefix, Path log, Duration startLimit) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        if (settings.mode() == Mode.CONTAINER) {
            return startContainer(settings, sets, jvmOptions, cpuPrefix, log, startLimit);
        }
        var command = new ArrayList<>(cpuPrefix);
        command.add(TargetJvm.javaBinary());
        command.addAll(TargetJvm.options(jvmOptions));
        command.addAll(TargetJars.backendJarOptions(settings));
        command.addAll(Ceilings.javaArguments(settings, TargetJars.jar(settings)));
        command.add(settings.profile());
        var credentials = JettyBase.secretEnvironment(sets); // in the environment: ps shows a command line
        for (var set : sets) {
            if (!JettyBase.carriesCredential(set)) {
                command.add("--set");
                command.add(set);
            }
        }
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(credentials);
        var process = builder.start();
        var listening = new CompletableFuture<Integer>();
        var lastLine = new StringBuilder();
        Thread.ofPlatform().daemon().name("target-log").start(() -> copyLog(process, log, listening, lastLine));
        try {
            int port = listening.get(startLimit.toMillis(), TimeUnit.MILLISECONDS);
            return new TargetProcess(process.toHandle(), port, () -> stop(process));
        } catch (ExecutionException | TimeoutException e) {
            stop(process);
            synchronized (lastLine) {
                var why = e instanceof TimeoutException ? "no 'listening' line within " + startLimit.toSeconds() + " s"
                        : lastLine.isEmpty() ? "exited with " + process.exitValue() : lastLine.toString();
                throw new BenchException("profile " + settings.profile() + ": target did not start: " + why + " (log: " + log + ")");
            }
        } catch (InterruptedException e) {
            stop(process);
            throw e;
        }
    }

    /** Lays out a jetty-base next to the log, starts Jetty on it, and removes the base once Jetty has stopped. */
    private static TargetProcess startContainer(Settings settings, List<String> sets, List<String> jvmOptions,
                                                List<String> cpuPrefix, Path log, Duration startLimit) throws IOException, InterruptedException {
        var home = TargetJars.home();
        var base = JettyBase.prepare(JettyBase.templateBase(home), log.resolveSibling(log.getFileName() + ".jetty-base"), settings, sets);
        var out = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8);
        try {
            var container = JettyContainer.start(cpuPrefix, JettyBase.jettyHome(home), base, TargetJvm.options(jvmOptions),
                    JettyBase.secretEnvironment(sets), startLimit, out);
            return new TargetProcess(container.handle(), container.port(), () -> {
                container.close();
                out.close();
                try {
                    JettyBase.deleteTree(base); // its log was copied line by line
                } catch (IOException e) {
                    System.err.println("bench: could not remove " + base + ": " + e.getMessage());
                }
            });
        } catch (BenchException e) {
            out.close();
            throw new BenchException("profile " + settings.profile() + ": target did not start: " + e.getMessage() + " (log: " + log + ")");
        }
    }

    private static void copyLog(Process process, Path log, CompletableFuture<Integer> listening, StringBuilder lastLine) {
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             var writer = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = reader.readLine()) != null) {
                writer.println(line);
                if (!line.startsWith("WARNING:") && !line.isBlank()) {
                    synchronized (lastLine) {
                        lastLine.setLength(0);
                        lastLine.append(line.strip());
                    }
                }
                var matcher = LISTENING.matcher(line);
                // daemon mode copies each backend's output as "[backend N] ...": their ports are not the target's
                if (!listening.isDone() && !line.startsWith("[backend") && matcher.find()) {
                    listening.complete(Integer.parseInt(matcher.group(1)));
                }
            }
        } catch (IOException e) {
            // the process is gone; what was logged stays
        } finally {
            listening.completeExceptionally(new IOException("target exited"));
        }
    }

    public int port() {
        return port;
    }

    public ProcessHandle handle() {
        return handle;
    }

    @Override
    public void close() {
        stop.run();
    }

    private static void stop(Process process) {
        var children = process.descendants().toList();
        process.destroy(); // SIGTERM: the target drains in-flight requests and closes its pool
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        for (var child : children) {
            if (child.isAlive()) {
                child.destroy();
                try {
                    child.onExit().get(5, TimeUnit.SECONDS);
                } catch (Exception stillThere) {
                    child.destroyForcibly();
                }
            }
        }
    }
}
