package org.benchtarget.undertow.front;

import org.benchtarget.core.BuildInfo;
import org.benchtarget.core.config.Settings;
import org.benchtarget.core.config.SettingsException;
import org.benchtarget.core.files.StaticFiles;
import org.benchtarget.core.fixture.Manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code front=nginx}: nginx as a child process ({@code daemon off}) with a generated configuration
 * in a private temporary directory, removed on stop. nginx routes around a dead backend by itself
 * ({@code max_fails}, {@code proxy_next_upstream}); backends come back on the same port, so its
 * configuration never changes. Only {@code /backends} (a file) is rewritten. Thread-safe.
 */
final class NginxFront implements Front {
    private static final List<String> PLACES = List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private final String nginx;
    private final Path dir;
    private final Process process;
    private final int port;
    private final Supplier<String> listing;
    private final Duration shutdownTimeout;
    private final String version;

    private NginxFront(String nginx, Path dir, Process process, int port, Supplier<String> listing, Duration shutdownTimeout, String version) {
        this.nginx = nginx;
        this.dir = dir;
        this.process = process;
        this.port = port;
        this.listing = listing;
        this.shutdownTimeout = shutdownTimeout;
        this.version = version;
    }

    /** Returns the nginx binary on PATH or in the usual places, or stops with one line. */
    static String binary() {
        var candidates = new ArrayList<String>();
        for (var entry : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!entry.isEmpty()) {
                candidates.add(entry + "/nginx");
            }
        }
        candidates.addAll(PLACES);
        return candidates.stream().filter(path -> Files.isExecutable(Path.of(path))).findFirst().orElseThrow(() ->
                new SettingsException("front=nginx: nginx is not installed (not on PATH nor in /usr/sbin); install it or use front=undertow"));
    }

    static NginxFront start(Settings settings, List<URI> backends, Supplier<String> listing) {
        var nginx = binary();
        try {
            var dir = Files.createTempDirectory("benchtarget-nginx-");
            // nginx's workers may run as another user (nobody) when we are root: they must read the files.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.createDirectories(dir.resolve("temp"));
            StaticFiles.load(BuildInfo.load().time()).exportTo(dir.resolve("public"));
            Files.writeString(dir.resolve("backends.json"), listing.get());
            int port = settings.port() == 0 ? freePort(settings.host()) : settings.port();
            var shape = new NginxConfig.Shape(settings.host(), port, settings.ioThreads(), settings.gzip(), settings.keepalive(), settings.threads(),
                    settings.limits(), settings.fixture().manifest() ? Manifest.of(settings) : null,
                    settings.fixture().serverTiming());
            var config = dir.resolve("nginx.conf");
            Files.writeString(config, NginxConfig.render(dir, shape, backends));
            var process = new ProcessBuilder(nginx, "-p", dir.toString(), "-c", config.toString(), "-e", dir.resolve("error.log").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("nginx.out").toFile())
                    .start();
            var front = new NginxFront(nginx, dir, process, port, listing, settings.shutdownTimeout(), version(nginx));
            front.awaitListening(settings.host());
            return front;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening(String host) throws IOException {
        var deadline = Instant.now().plus(START_TIMEOUT);
        var address = new InetSocketAddress(host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host, port);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + ": " + lastLine(dir.resolve("error.log"), dir.resolve("nginx.out")));
            }
            try (var socket = new Socket()) {
                socket.connect(address, 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("nginx did not listen on port " + port + " within " + START_TIMEOUT.toSeconds() + " s");
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

    private static String version(String nginx) {
        try {
            var probe = new ProcessBuilder(nginx, "-v").redirectErrorStream(true).start();
            var text = new String(probe.getInputStream().readAllBytes()).strip();
            probe.waitFor(5, TimeUnit.SECONDS);
            return text.replace("nginx version: ", "");
        } catch (IOException e) {
            return "nginx";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "nginx";
        }
    }

    private static int freePort(String host) throws IOException {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(host, 0));
            return socket.getLocalPort();
        }
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String describe() {
        return version + " (pid " + process.pid() + ")";
    }

    @Override
    public void backendDown(URI backend) {
        writeListing();
    }

    @Override
    public void backendUp(URI backend) {
        writeListing();
    }

    private synchronized void writeListing() {
        try {
            var next = dir.resolve("backends.json.next");
            Files.writeString(next, listing.get());
            Files.move(next, dir.resolve("backends.json"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Graceful: {@code nginx -s quit} lets open requests finish; after the shutdown timeout, SIGKILL. */
    @Override
    public void close() {
        try {
            var quit = new ProcessBuilder(nginx, "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString(), "-s", "quit")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            quit.waitFor(5, TimeUnit.SECONDS);
            if (!process.waitFor(shutdownTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
