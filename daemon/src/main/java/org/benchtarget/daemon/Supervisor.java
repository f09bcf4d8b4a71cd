package org.benchtarget.daemon;

import com.fasterxml.jackson.core.JsonFactory;
import org.benchtarget.core.config.Modes.ProxyKind;
import org.benchtarget.core.config.Settings;
import org.benchtarget.db.DbConfig;
import org.benchtarget.daemon.front.Front;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts the P backends (the first alone, as it may migrate and seed the database, then the rest
 * together), waits until each answers /health, and restarts any that dies: the front stops routing
 * to it at once and routes to it again once it is healthy. On stop, backends get SIGTERM (a graceful
 * stop) and, past the shutdown timeout, SIGKILL. Thread-safe.
 */
final class Supervisor implements AutoCloseable {
    /** How long one backend may take from launch to healthy (a JVM start, migrations, pool). */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /** A backend that dies sooner than this after its start is crashing: wait longer before the next try. */
    private static final Duration STABLE = Duration.ofSeconds(10);

    private final List<Backend> backends;
    /** proxy=uds: the private directory of the backends' sockets, removed at stop; else null. */
    private final Path socketDir;
    private final Duration shutdownTimeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private volatile Front front;
    private volatile boolean stopping;

    private Supervisor(List<Backend> backends, Path socketDir, Duration shutdownTimeout) {
        this.backends = backends;
        this.socketDir = socketDir;
        this.shutdownTimeout = shutdownTimeout;
    }

    static Supervisor start(Settings settings, BackendLaunch launch, DbConfig db) {
        var jar = launch.jar(settings.daemon().backend().knobValue());
        var slots = new ArrayList<Backend>();
        Path socketDir = null;
        if (settings.daemon().proxy() == ProxyKind.UDS) {
            try {
                socketDir = UnixSockets.directory();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            while (slots.size() < settings.daemon().processes()) {
                int index = slots.size() + 1;
                var socket = socketDir.resolve("b" + index + ".sock");
                slots.add(new Backend(index, URI.create("unix:" + socket), BackendCommand.of(settings, launch, jar, db, 0, socket, index)));
            }
        }
        var ports = new HashSet<Integer>();
        while (slots.size() < settings.daemon().processes()) {
            int port = freePort();
            if (ports.add(port)) {
                int index = slots.size() + 1;
                slots.add(new Backend(index, URI.create("http://127.0.0.1:" + port), BackendCommand.of(settings, launch, jar, db, port, null, index)));
            }
        }
        var supervisor = new Supervisor(List.copyOf(slots), socketDir, settings.shutdownTimeout());
        try {
            // The first alone (it may migrate and seed), then as many at once as there are CPUs: 20 JVMs
            // starting together on one core thrash, and their migration checks time out on the schema lock.
            supervisor.launchAndAwait(slots.subList(0, 1));
            int batch = Math.max(2, Runtime.getRuntime().availableProcessors());
            for (int from = 1; from < slots.size(); from += batch) {
                supervisor.launchAndAwait(slots.subList(from, Math.min(slots.size(), from + batch)));
            }
        } catch (RuntimeException e) {
            supervisor.close();
            throw e;
        }
        return supervisor;
    }

    private void launchAndAwait(List<Backend> group) {
        var deadline = Instant.now().plus(START_TIMEOUT);
        var ready = new ArrayList<CompletableFuture<Void>>();
        for (var backend : group) {
            ready.add(CompletableFuture.runAsync(() -> {
                try {
                    var process = backend.launch();
                    watch(backend, process);
                    awaitHealthy(backend, deadline);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, Thread.ofVirtual()::start));
        }
        try {
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private void awaitHealthy(Backend backend, Instant deadline) {
        try {
            backend.listening().get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
            boolean unix = UnixSockets.isUnix(backend.uri());
            if (unix) {
                UnixSockets.openToFront(UnixSockets.path(backend.uri()));
            }
            var health = unix ? null : HttpRequest.newBuilder(backend.uri().resolve("/health")).timeout(Duration.ofSeconds(2)).build();
            while (Instant.now().isBefore(deadline)) {
                try {
                    int status = unix ? UnixSockets.status(UnixSockets.path(backend.uri()), "/health")
                            : http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status == 200) {
                        backend.state(Backend.State.UP);
                        return;
                    }
                } catch (IOException notYet) {
                    // not answering yet
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("backend " + backend.index() + " not healthy within " + START_TIMEOUT.toSeconds() + " s of its start");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("backend " + backend.index() + " did not listen within " + START_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting backend " + backend.index());
        }
    }

    private void watch(Backend backend, Process process) {
        process.onExit().thenAccept(exited -> {
            if (stopping || front == null || backend.process() != exited) {
                return; // stopping, or still starting (then the start fails), or an older process of this slot
            }
            backend.state(Backend.State.DOWN);
            var current = front;
            if (current != null) {
                current.backendDown(backend.uri());
            }
            System.out.println("benchtarget-daemon: backend " + backend.index() + " (pid " + exited.pid() + ") exited with "
                    + exited.exitValue() + "; restarting it at " + backend.uri());
            Thread.ofVirtual().name("restart-backend-" + backend.index()).start(() -> restart(backend));
        });
    }

    /**
     * One restart attempt, after a pause that doubles while the backend keeps dying young. If the
     * new process dies too, its exit starts the next attempt; if it hangs, it is killed, with the same effect.
     */
    private void restart(Backend backend) {
        var lived = Duration.between(backend.snapshot().started(), Instant.now());
        var pause = backend.nextPause(lived.compareTo(STABLE) < 0, FIRST_BACKOFF, MAX_BACKOFF);
        try {
            Thread.sleep(pause.toMillis());
            if (stopping) {
                return;
            }
            var process = backend.launch();
            if (process == null) {
                return;
            }
            watch(backend, process);
            awaitHealthy(backend, Instant.now().plus(START_TIMEOUT));
            var current = front;
            if (current != null && !stopping) {
                current.backendUp(backend.uri());
            }
            System.out.println("benchtarget-daemon: backend " + backend.index() + " is back (pid " + process.pid() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | IOException e) {
            System.out.println("benchtarget-daemon: backend " + backend.index() + " failed to restart: " + e.getMessage());
            var process = backend.process();
            if (process != null && process.isAlive() && !stopping) {
                process.destroyForcibly();
            }
        }
    }

    /** From now on, a backend that dies is taken out of (and later put back into) this front. */
    void attach(Front front) {
        this.front = front;
    }

    List<Backend.Snapshot> snapshot() {
        return backends.stream().map(Backend::snapshot).toList();
    }

    /** No more restarts: the daemon is stopping. */
    void beginStop() {
        stopping = true;
    }

    /** Returns GET /backends: the front, the database and each backend, with its pid and URLs. */
    String listing(String frontDescription, int frontPort, String database) {
        var out = new StringWriter();
        try (var json = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeObjectFieldStart("front");
            json.writeStringField("server", frontDescription);
            json.writeNumberField("pid", ProcessHandle.current().pid());
            json.writeNumberField("port", frontPort);
            json.writeEndObject();
            json.writeStringField("database", database);
            json.writeArrayFieldStart("backends");
            for (var backend : snapshot()) {
                json.writeStartObject();
                json.writeNumberField("index", backend.index());
                json.writeNumberField("pid", backend.pid());
                json.writeStringField("state", backend.state().name().toLowerCase(Locale.ROOT));
                json.writeNumberField("restarts", backend.restarts());
                json.writeStringField("started", String.valueOf(backend.started()));
                json.writeStringField("url", backend.uri().toString());
                // a Unix socket's URL as nginx writes one: unix:/dir/b1.sock:/metrics
                var base = backend.uri() + (UnixSockets.isUnix(backend.uri()) ? ":" : "");
                json.writeStringField("metrics", base + "/metrics");
                json.writeStringField("info", base + "/info");
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** SIGTERM to every backend (each stops gracefully), SIGKILL to any still running after the shutdown timeout. */
    @Override
    public void close() {
        stopping = true;
        var running = new ArrayList<Process>();
        for (var backend : backends) {
            var process = backend.stop();
            if (process != null && process.isAlive()) {
                process.destroy();
                running.add(process);
            }
        }
        var deadline = Instant.now().plus(shutdownTimeout).plusSeconds(5);
        for (var process : running) {
            try {
                if (!process.waitFor(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS)) {
                    System.out.println("benchtarget-daemon: backend pid " + process.pid() + " did not stop in time; killing it");
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        if (!running.isEmpty()) {
            System.out.println("benchtarget-daemon: " + running.size() + " backend(s) stopped");
        }
        if (socketDir != null) {
            UnixSockets.remove(socketDir);
        }
        http.close();
    }

    static int freePort() {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
