package org.benchtarget.daemon.front;

import org.benchtarget.core.BuildInfo;
import org.benchtarget.core.config.SettingsException;
import org.benchtarget.core.files.StaticFiles;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the fronts run as a child process (nginx, haproxy) share: finding the binary, the private
 * directory with the static files, waiting until the child listens, removing the directory at stop.
 */
final class ChildFronts {
    private ChildFronts() {
    }

    /** A started child front: its private directory, process, port, how long its stop may take and what it is. */
    record Child(Path dir, Process process, int port, Duration shutdownTimeout, String version) {
        String describe() {
            return version + " (pid " + process.pid() + ")";
        }

        /** Waits for the child, asked to stop, to end; past the shutdown timeout kills it. Then removes the directory. */
        void awaitStop() throws IOException, InterruptedException {
            ChildFronts.awaitStop(process, shutdownTimeout, dir);
        }
    }

    /** Returns {@code name} on PATH or in {@code places}, or stops with one line. */
    static String binary(String name, List<String> places) {
        var candidates = new ArrayList<String>();
        for (var entry : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!entry.isEmpty()) {
                candidates.add(entry + "/" + name);
            }
        }
        candidates.addAll(places);
        return candidates.stream().filter(path -> Files.isExecutable(Path.of(path))).findFirst().orElseThrow(() ->
                new SettingsException("front=" + name + ": " + name + " is not installed (not on PATH nor in /usr/sbin); install it or use front=undertow"));
    }

    /** Creates a private directory with the static files under {@code public/}, readable by a worker running as another user. */
    static Path workDir(String prefix) throws IOException {
        var dir = Files.createTempDirectory(prefix);
        // the child's workers may run as another user (nobody) when we are root: they must read the files.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        StaticFiles.load(BuildInfo.load().time()).exportTo(dir.resolve("public"));
        return dir;
    }

    /** Returns {@code port}, or a free one on {@code host} when it is 0. */
    static int portOrFree(String host, int port) throws IOException {
        if (port != 0) {
            return port;
        }
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(host, 0));
            return socket.getLocalPort();
        }
    }

    /** Waits until {@code process} accepts connections on {@code port}; fails with its last logged line if it exits first. */
    static void awaitListening(Process process, String name, String host, int port, Duration timeout, Path... logs) throws IOException {
        var deadline = Instant.now().plus(timeout);
        var address = new InetSocketAddress(host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host, port);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ": " + lastLine(logs));
            }
            try (var socket = new Socket()) {
                socket.connect(address, 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " did not listen on port " + port + " within " + timeout.toSeconds() + " s");
    }

    /** Returns what {@code command} prints first (a version), or {@code fallback}. */
    static String firstLine(String fallback, String... command) {
        try {
            var probe = new ProcessBuilder(command).redirectErrorStream(true).start();
            var text = new String(probe.getInputStream().readAllBytes()).strip();
            probe.waitFor(5, TimeUnit.SECONDS);
            return text.isEmpty() ? fallback : text.lines().findFirst().orElse(fallback);
        } catch (IOException e) {
            return fallback;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback;
        }
    }

    /** Waits for a stopping child; past {@code timeout}, kills it and its descendants. Then removes {@code dir}. */
    static void awaitStop(Process process, Duration timeout, Path dir) throws IOException, InterruptedException {
        if (!process.waitFor(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        deleteTree(dir);
    }

    private static String lastLine(Path... logs) throws IOException {
        var last = "";
        for (var log : logs) {
            if (Files.exists(log)) {
                var lines = Files.readAllLines(log);
                if (!lines.isEmpty()) {
                    last = lines.get(lines.size() - 1);
                }
            }
        }
        return last;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
