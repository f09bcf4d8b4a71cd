package org.benchtarget.bench.serve;

import org.benchtarget.bench.BenchException;
import org.benchtarget.core.config.Settings;
import org.benchtarget.core.config.TargetSupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Container mode: the app's WAR in Jetty's own distribution, started with its {@code start.jar} as a
 * separate process on a {@link JettyBase}, followed through its log until it listens, stopped by PID
 * with SIGTERM (Jetty's graceful stop). One instance per started process; not thread-safe.
 */
public final class JettyContainer implements AutoCloseable {
    public static final TargetSupport SUPPORT = TargetSupport.JETTY_CONTAINER;
    /** Jetty's own log line once a connector listens: {@code Started ServerConnector@1a2b{HTTP/1.1, (http/1.1)}{0.0.0.0:8080}}. */
    private static final Pattern STARTED = Pattern.compile("Started (?:oejs\\.)?ServerConnector@\\w+\\{[^}]*\\}\\{(.*):(\\d+)\\}");
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(2);

    private final Process process;
    private final Thread output;
    private final int port;

    private JettyContainer(Process process, Thread output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    /**
     * {@code bench serve} of a mode=container profile: prepares runs/jetty-base-PID, starts Jetty,
     * prints the "listening" line, stops Jetty with SIGTERM when bench is stopped, removes the run's
     * base (its log was printed) and returns Jetty's exit code.
     */
    public static int serve(Settings settings, List<String> sets, List<String> jvmOptions) throws IOException, InterruptedException {
        SUPPORT.check(settings);
        var home = TargetJars.home();
        var runBase = home.resolve("runs").resolve("jetty-base-" + ProcessHandle.current().pid());
        var base = JettyBase.prepare(JettyBase.templateBase(home), runBase, settings, sets);
        long start = System.nanoTime();
        var container = start(List.of(), JettyBase.jettyHome(home), base, TargetJvm.options(jvmOptions),
                JettyBase.secretEnvironment(sets), STARTUP_TIMEOUT, System.out);
        System.out.println("benchtarget-jetty listening on port " + container.port() + " (container, pid " + container.pid()
                + ", started in " + (System.nanoTime() - start) / 1_000_000 + " ms, jetty-base " + base + ")");
        System.out.flush();
        var cleanedUp = new CountDownLatch(1);
        var stopper = new Thread(() -> {
            container.close();
            try {
                cleanedUp.await(10, TimeUnit.SECONDS); // let the main thread remove the base before the JVM halts
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-container");
        Runtime.getRuntime().addShutdownHook(stopper);
        int exit = container.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException shuttingDown) {
            // already stopping: the hook waits for Jetty
        }
        System.out.println("benchtarget-jetty container stopped (exit " + exit + ")");
        try {
            JettyBase.deleteTree(base);
        } finally {
            cleanedUp.countDown();
        }
        return exit;
    }

    /**
     * Starts {@code [commandPrefix] java [jvmOptions] -jar start.jar} on the base (the prefix is taskset when
     * bench run pins the target) and returns once Jetty listens. Its output goes line by line to {@code out}.
     * A process that exits first, or a timeout, is a {@link BenchException} (the process is stopped).
     */
    public static JettyContainer start(List<String> commandPrefix, Path jettyHome, Path base, List<String> jvmOptions,
                                       Map<String, String> env, Duration timeout, PrintStream out) throws IOException, InterruptedException {
        base = base.toAbsolutePath(); // Jetty runs in the base: a relative path would resolve twice
        var command = new ArrayList<>(commandPrefix);
        command.add(TargetJvm.javaBinary());
        command.addAll(jvmOptions);
        command.add("-Djava.io.tmpdir=" + base.resolve("work"));
        command.add("-jar");
        command.add(jettyHome.resolve("start.jar").toString());
        command.add("jetty.home=" + jettyHome);
        command.add("jetty.base=" + base);
        // Jetty writes to a file that a thread follows: reading the process's own pipe races with the
        // JDK closing it when the process exits, and Jetty's last lines (its graceful stop) were lost.
        var log = base.resolve("jetty.log");
        Files.deleteIfExists(log);
        var builder = new ProcessBuilder(command).directory(base.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(env);
        var process = builder.start();
        var listening = new CompletableFuture<Integer>();
        var pump = new Thread(() -> {
            try {
                follow(log, process, line -> {
                    out.println(line);
                    var matcher = STARTED.matcher(line);
                    if (!listening.isDone() && matcher.find()) {
                        listening.complete(Integer.parseInt(matcher.group(2)));
                    }
                });
            } catch (IOException e) {
                out.println("bench: cannot read " + log + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            listening.completeExceptionally(new BenchException("Jetty exited before it listened (see its output above)"));
        }, "jetty-output");
        pump.setDaemon(true);
        pump.start();
        try {
            return new JettyContainer(process, pump, listening.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            stop(process);
            throw new BenchException("Jetty did not listen within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            stop(process);
            throw (BenchException) e.getCause();
        }
    }

    /** Passes each line of {@code log} to {@code lines} as the process writes it, until the process has exited and all is read. */
    private static void follow(Path log, Process process, Consumer<String> lines) throws IOException, InterruptedException {
        try (var in = Files.newInputStream(log)) {
            var line = new ByteArrayOutputStream(256);
            var buffer = new byte[8192];
            boolean exited = false;
            while (true) {
                int read = in.read(buffer);
                if (read < 0) {
                    if (exited) {
                        break;
                    }
                    exited = !process.isAlive(); // one more read after the exit picks up its last lines
                    if (!exited) {
                        Thread.sleep(20);
                    }
                    continue;
                }
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines.accept(line.toString(StandardCharsets.UTF_8));
                        line.reset();
                    } else {
                        line.write(buffer[i]);
                    }
                }
            }
            if (line.size() > 0) {
                lines.accept(line.toString(StandardCharsets.UTF_8));
            }
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** The Jetty process, for sampling its CPU and memory. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Waits for the process to end and returns its exit code. */
    public int waitFor() throws InterruptedException {
        int exit = process.waitFor();
        output.join(2_000);
        return exit;
    }

    /** Stops Jetty by its PID with SIGTERM (a graceful stop) and waits; SIGKILL if it hangs. */
    @Override
    public void close() {
        stop(process);
        try {
            output.join(2_000); // Jetty's last lines (its graceful stop) before bench itself exits
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
