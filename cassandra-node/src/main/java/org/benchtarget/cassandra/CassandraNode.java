package org.benchtarget.cassandra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A single-node Cassandra in its own JVM: Maven Central's cassandra-all on the classpath Maven resolved
 * ({@code node.classpath}), a JDK 17 ({@link NodeJava}), loopback only, free ports, data in {@code dir}.
 * {@link #configure} gives the same node for another address (bench cluster's host, a container).
 * Sized to share a small machine: a 512 MiB heap, one token, small memtables and caches, periodic commit log.
 * {@link #restart()} brings the node back on the same data and ports (the outage tests). Not thread-safe.
 */
public final class CassandraNode implements AutoCloseable {
    /** Longest wait for the CQL port after the JVM starts: cold starts take 30-60 s on two busy cores. */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    /** The data centre SimpleSnitch reports, which a client names as its local one. */
    public static final String DATACENTER = "datacenter1";

    private final Path dir;
    private final int cqlPort;
    private final int storagePort;
    private Process process;
    private Thread hook;

    private CassandraNode(Path dir, int cqlPort, int storagePort) {
        this.dir = dir;
        this.cqlPort = cqlPort;
        this.storagePort = storagePort;
    }

    /** Starts a node with its data in {@code dir} (created when missing) on free ports; returns once CQL answers. */
    public static CassandraNode start(Path dir) throws IOException, InterruptedException {
        var node = new CassandraNode(dir.toAbsolutePath(), freePort(), freePort());
        node.launch();
        return node;
    }

    public int cqlPort() {
        return cqlPort;
    }

    /** {@code 127.0.0.1:PORT}, as {@code cassandra.contact-points} takes it. */
    public String contactPoint() {
        return "127.0.0.1:" + cqlPort;
    }

    public Path dir() {
        return dir;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the node's JVM (SIGTERM: it flushes what it can), SIGKILL when it takes longer than a minute. */
    public void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** Ends the node's JVM at once (SIGKILL), as a crash would: its next start replays the commit log. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** Starts the node again on the same data and ports after {@link #stop()} or {@link #kill()}; returns once CQL answers. */
    public void restart() throws IOException, InterruptedException {
        stop();
        launch();
    }

    /**
     * When this JVM exits (SIGTERM, Ctrl-C), stops the node only after {@code first} has ended (within a minute),
     * then removes its data: bench serve's target finishes its in-flight completions before the node goes.
     */
    public synchronized void stopAfterThenRemove(ProcessHandle first) {
        replaceHook(new Thread(() -> {
            try {
                first.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                // gone, or too slow: stop the node all the same
            }
            stopQuietly();
            removeData();
        }, "cassandra-node-stop"));
    }

    /** Deletes the node's folder (data, logs, configuration) once it is stopped; what cannot be deleted stays. */
    public synchronized void removeData() {
        if (isRunning() || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            // a file is held, or went meanwhile: leave the rest
        }
    }

    private synchronized void replaceHook(Thread replacement) {
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                return;
            }
        }
        hook = replacement;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /**
     * Writes a node's configuration into {@code dir}/conf (data and logs in {@code dir} too) and returns the command
     * that runs it with Cassandra's jars from {@code classpath}: the java that can run it (see {@link NodeJava}), its
     * options, the main class. The node listens on {@code address} (storage and CQL ports); its CQL port on
     * every address when {@code cqlOnEveryAddress} (a container's), telling clients {@code address}. Its log goes to
     * {@code dir}/logs/system.log when {@code logToFile}, else to standard output.
     */
    public static List<String> configure(Path dir, String address, boolean cqlOnEveryAddress, int cqlPort, int storagePort,
                                         String classpath, boolean logToFile) throws IOException {
        var conf = Files.createDirectories(dir.resolve("conf"));
        var logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(conf.resolve("cassandra.yaml"),
                NodeConfig.yaml(dir, address, cqlOnEveryAddress ? "0.0.0.0" : address, cqlPort, storagePort));
        Files.writeString(conf.resolve("logback.xml"), NodeConfig.logback(logToFile ? logs : null));
        var command = new ArrayList<String>();
        command.add(NodeJava.find().toString());
        command.addAll(NodeConfig.jvmOptions(dir, conf));
        command.add("-cp");
        command.add(conf + ":" + classpath);
        command.add("org.apache.cassandra.service.CassandraDaemon");
        return command;
    }

    private void launch() throws IOException, InterruptedException {
        var command = configure(dir, "127.0.0.1", false, cqlPort, storagePort, classpath(), true);
        var output = dir.resolve("logs").resolve("output.log");
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .start();
        // the node ends with the JVM that started it, even when that JVM exits without stopping it
        replaceHook(new Thread(this::stopQuietly, "cassandra-node-stop"));
        awaitCql(output);
    }

    private void awaitCql(Path output) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the Cassandra node exited (" + process.exitValue() + ") before its CQL port "
                        + cqlPort + " opened: " + lastLines(output));
            }
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", cqlPort), 1_000);
                return;
            } catch (IOException notYet) {
                Thread.sleep(500);
            }
        }
        stop();
        throw new IOException("the Cassandra node's CQL port " + cqlPort + " did not open within "
                + READY_TIMEOUT.toMinutes() + " min: " + lastLines(output));
    }

    private static String lastLines(Path output) throws IOException {
        var lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }

    /** The cassandra-all classpath Maven resolved when this module was built (jars in the local repository). */
    public static String classpath() {
        var jars = resolvedJars();
        List<String> missing = jars.stream().filter(jar -> !Files.exists(Path.of(jar))).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Cassandra's jars are not in the local Maven repository (" + missing.get(0)
                    + "): build again with mvn so Maven fetches them");
        }
        return String.join(":", jars);
    }

    /** The jars of {@code node.classpath}, in Maven's order. */
    static List<String> resolvedJars() {
        try (InputStream in = CassandraNode.class.getResourceAsStream("node.classpath")) {
            if (in == null) {
                throw new IllegalStateException("node.classpath missing from the cassandra-node jar (a broken build?)");
            }
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split(":"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
