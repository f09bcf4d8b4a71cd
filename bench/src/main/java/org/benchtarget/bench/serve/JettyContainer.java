package org.benchtarget.bench.serve;

import org.benchtarget.bench.BenchException;
import org.benchtarget.core.config.Knob;
import org.benchtarget.core.config.Modes.Mode;
import org.benchtarget.core.config.Modes.Workers;
import org.benchtarget.core.config.Settings;
import org.benchtarget.core.config.TargetSupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Container mode: the app's WAR in Jetty's own distribution (jetty-home), started with its
 * {@code start.jar} as a separate process. The build leaves {@code jetty-home-VERSION/} and a
 * {@code jetty-base/} (WAR and context XML in {@code webapps/}) under target-servlet-jetty/target;
 * {@link #prepare} copies the base for one run and writes the knobs into it: pool, selectors,
 * address, gzip and stop timeout into {@code start.d/benchtarget.ini}, the rest into the web app's
 * context XML as init parameters (credentials go by environment, never into a file). One instance
 * per started process; not thread-safe.
 */
public final class JettyContainer implements AutoCloseable {
    public static final TargetSupport SUPPORT = new TargetSupport("jetty", EnumSet.of(Workers.THREADS, Workers.VIRTUAL),
            EnumSet.of(Mode.CONTAINER), "Jetty's Servlet layer runs every request on a pool thread; pick threads or virtual");
    static final String CONTEXT_XML = "webapps/benchtarget-webapp.xml";
    static final String INI = "start.d/benchtarget.ini";
    private static final String MODULE = "target-servlet-jetty/target";
    /** Jetty's own log line once a connector listens: {@code Started ServerConnector@1a2b{HTTP/1.1, (http/1.1)}{0.0.0.0:8080}}. */
    private static final Pattern STARTED = Pattern.compile("Started (?:oejs\\.)?ServerConnector@\\w+\\{[^}]*\\}\\{(.*):(\\d+)\\}");
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final Process process;
    private final int port;

    private JettyContainer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Returns the unpacked jetty-home: {@code -Dbench.jetty.home}, else the one the build left. */
    public static Path jettyHome(Path benchHome) {
        var configured = System.getProperty("bench.jetty.home");
        if (configured != null) {
            return Path.of(configured);
        }
        var target = benchHome.resolve(MODULE);
        try (Stream<Path> entries = Files.isDirectory(target) ? Files.list(target) : Stream.empty()) {
            return entries.filter(path -> path.getFileName().toString().startsWith("jetty-home-"))
                    .filter(path -> Files.isRegularFile(path.resolve("start.jar")))
                    .findFirst()
                    .orElseThrow(() -> new BenchException("no jetty-home under " + target + ": build first (mvn -DskipTests package)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the jetty-base the build made: {@code -Dbench.jetty.base}, else target-servlet-jetty/target/jetty-base. */
    public static Path templateBase(Path benchHome) {
        var configured = System.getProperty("bench.jetty.base");
        var base = configured != null ? Path.of(configured) : benchHome.resolve(MODULE).resolve("jetty-base");
        if (!Files.isRegularFile(base.resolve(CONTEXT_XML))) {
            throw new BenchException("no " + CONTEXT_XML + " under " + base + ": build first (mvn -DskipTests package)");
        }
        return base;
    }

    /**
     * Copies {@code template} to {@code runBase} (replacing what a previous run left) and writes the
     * knobs: the container's from {@code settings}, the web app's as the profile name plus {@code sets}.
     */
    public static Path prepare(Path template, Path runBase, Settings settings, List<String> sets) throws IOException {
        SUPPORT.check(settings);
        deleteTree(runBase);
        try (Stream<Path> files = Files.walk(template)) {
            for (var source : files.toList()) {
                var copy = runBase.resolve(template.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        }
        Files.createDirectories(runBase.resolve("work")); // Jetty unpacks the WAR here, not in a shared /tmp
        Files.writeString(runBase.resolve(INI), ini(settings));
        var xml = Files.readString(runBase.resolve(CONTEXT_XML));
        Files.writeString(runBase.resolve(CONTEXT_XML), xml.replace("</Configure>", initParameters(settings, sets) + "</Configure>"));
        return runBase;
    }

    private static String ini(Settings settings) {
        int pool = settings.threads() + settings.ioThreads() + 1; // as embedded: selectors and the acceptor use the pool
        var ini = new StringBuilder("""
                # written by bench serve for profile %s: the container's knobs
                --module=server,http,ee11-deploy,graceful
                jetty.threadPool.minThreads=%d
                jetty.threadPool.maxThreads=%d
                jetty.http.host=%s
                jetty.http.port=%d
                jetty.http.selectors=%d
                jetty.http.acceptors=1
                jetty.http.acceptQueueSize=4096
                jetty.server.stopTimeout=%d
                jetty.httpConfig.sendServerVersion=false
                jetty.httpConfig.requestHeaderSize=16384
                jetty.deploy.scanInterval=0
                """.formatted(settings.profile(), pool, pool, settings.host(), settings.port(), settings.ioThreads(),
                settings.shutdownTimeout().toMillis()));
        if (settings.gzip()) {
            ini.append("--module=compression-gzip\njetty.compression.gzip.minCompressSize=1024\n");
        }
        if (settings.workers() == Workers.VIRTUAL) {
            // Jetty's VirtualThreadPool caps concurrent tasks (200 by default); embedded has no cap, so neither here.
            ini.append("--module=threadpool-virtual\njetty.threadPool.virtual.maxConcurrentTasks=100000\n");
        }
        return ini.toString();
    }

    private static String initParameters(Settings settings, List<String> sets) {
        var params = new LinkedHashMap<String, String>();
        params.put("bench.profile", settings.profile());
        for (var set : sets) {
            int eq = set.indexOf('=');
            var key = set.substring(0, eq).strip();
            if (!secret(key)) {
                params.put("bench.set." + key, set.substring(eq + 1).strip());
            }
        }
        var xml = new StringBuilder("  <!-- written by bench serve: the web app's knobs -->\n");
        params.forEach((name, value) -> xml.append("  <Call name=\"setInitParameter\"><Arg>").append(escape(name))
                .append("</Arg><Arg>").append(escape(value)).append("</Arg></Call>\n"));
        return xml.toString();
    }

    /** Returns the environment variables that carry credentials given in {@code sets} (BENCH_DB_PASSWORD, BENCH_SECRET). */
    public static Map<String, String> secretEnvironment(List<String> sets) {
        var env = new LinkedHashMap<String, String>();
        for (var set : sets) {
            int eq = set.indexOf('=');
            var key = set.substring(0, eq).strip();
            if (secret(key)) {
                env.put(Knob.byKey(key).orElseThrow().envName(), set.substring(eq + 1).strip());
            }
        }
        return env;
    }

    private static boolean secret(String key) {
        return key.equals(Knob.DB_PASSWORD.key()) || key.equals(Knob.SECRET.key());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Starts {@code java [jvmOptions] -jar start.jar} on the base and returns once Jetty listens.
     * Its output goes line by line to {@code out}. A process that exits first, or a timeout, is a
     * {@link BenchException} (the process is stopped).
     */
    public static JettyContainer start(Path jettyHome, Path base, List<String> jvmOptions, Map<String, String> env,
                                       Duration timeout, PrintStream out) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add(TargetJvm.javaBinary());
        command.addAll(jvmOptions);
        command.add("-Djava.io.tmpdir=" + base.resolve("work"));
        command.add("-jar");
        command.add(jettyHome.resolve("start.jar").toString());
        command.add("jetty.home=" + jettyHome);
        command.add("jetty.base=" + base);
        var builder = new ProcessBuilder(command).directory(base.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        var process = builder.start();
        var listening = new CompletableFuture<Integer>();
        var pump = new Thread(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    out.println(line);
                    var matcher = STARTED.matcher(line);
                    if (!listening.isDone() && matcher.find()) {
                        listening.complete(Integer.parseInt(matcher.group(2)));
                    }
                }
            } catch (IOException e) {
                // the process went away; its exit code says why
            }
            listening.completeExceptionally(new BenchException("Jetty exited before it listened (see its output above)"));
        }, "jetty-output");
        pump.setDaemon(true);
        pump.start();
        try {
            return new JettyContainer(process, listening.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            stop(process);
            throw new BenchException("Jetty did not listen within " + timeout.toSeconds() + " s");
        } catch (java.util.concurrent.ExecutionException e) {
            stop(process);
            throw (BenchException) e.getCause();
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** Waits for the process to end and returns its exit code. */
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** Stops Jetty by its PID with SIGTERM (a graceful stop) and waits; SIGKILL if it hangs. */
    @Override
    public void close() {
        stop(process);
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

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (var path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
