package org.benchtarget.daemon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * One backend slot of daemon mode: a fixed address (a loopback port or a Unix socket) and the process currently
 * serving it (a restart reuses the address, so the front's configuration never changes). Its output is forwarded, each line
 * prefixed, and watched for the target's "listening on port" line. Thread-safe.
 */
final class Backend {
    enum State { STARTING, UP, DOWN, STOPPED }

    private final int index;
    private final URI uri;
    private final BackendCommand command;
    private Process process;
    private CompletableFuture<Void> listening = new CompletableFuture<>();
    private State state = State.STARTING;
    private int restarts = -1;
    private Instant started;
    private volatile String lastLine = "";
    private Duration pause = Duration.ZERO;

    /** {@code uri}: {@code http://127.0.0.1:PORT}, or {@code unix:/dir/bN.sock} for proxy=uds. */
    Backend(int index, URI uri, BackendCommand command) {
        this.index = index;
        this.uri = uri;
        this.command = command;
    }

    int index() {
        return index;
    }

    URI uri() {
        return uri;
    }

    /** Returns the last line the backend printed (what it said before dying). */
    String lastLine() {
        return lastLine;
    }

    record Snapshot(int index, URI uri, long pid, State state, int restarts, Instant started) {
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(index, uri, process == null ? -1 : process.pid(), state, Math.max(0, restarts), started);
    }

    synchronized Process process() {
        return process;
    }

    /** Starts a new process in this slot; returns null when the slot is stopped. */
    synchronized Process launch() throws IOException {
        if (state == State.STOPPED) {
            return null;
        }
        if (UnixSockets.isUnix(uri)) {
            Files.deleteIfExists(UnixSockets.path(uri)); // left by a killed process: the new one could not bind
        }
        var builder = new ProcessBuilder(command.command()).redirectErrorStream(true);
        builder.environment().putAll(command.environment());
        var started = builder.start();
        var ready = new CompletableFuture<Void>();
        Thread.ofVirtual().name("backend-" + index + "-output").start(() -> forward(started, ready));
        this.process = started;
        this.listening = ready;
        this.started = Instant.now();
        this.state = State.STARTING;
        this.restarts++;
        return started;
    }

    /** Returns how long to wait before the next restart: doubling while the backend dies young, else the first pause. */
    synchronized Duration nextPause(boolean diedYoung, Duration first, Duration max) {
        pause = !diedYoung || pause.isZero() ? first : (pause.multipliedBy(2).compareTo(max) > 0 ? max : pause.multipliedBy(2));
        return pause;
    }

    synchronized CompletableFuture<Void> listening() {
        return listening;
    }

    synchronized void state(State next) {
        if (state != State.STOPPED) {
            state = next;
        }
    }

    /** Marks the slot stopped (no more launches) and returns its process, if any, to stop. */
    synchronized Process stop() {
        state = State.STOPPED;
        return process;
    }

    private void forward(Process source, CompletableFuture<Void> ready) {
        var prefix = "[backend " + index + "] ";
        try (var reader = new BufferedReader(new InputStreamReader(source.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lastLine = line;
                System.out.println(prefix + line);
                if (line.contains(" listening on port ")) {
                    ready.complete(null);
                }
            }
        } catch (IOException closed) {
            // the process is gone
        }
        ready.completeExceptionally(new IllegalStateException("backend " + index + " exited before listening: " + lastLine));
    }
}
