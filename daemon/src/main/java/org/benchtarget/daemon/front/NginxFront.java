package org.benchtarget.daemon.front;

import org.benchtarget.core.BuildInfo;
import org.benchtarget.core.config.RequestLimits;
import org.benchtarget.core.config.Settings;
import org.benchtarget.core.config.SettingsException;
import org.benchtarget.core.files.StaticFiles;
import org.benchtarget.core.fixture.Manifest;
import org.benchtarget.core.nginx.NginxConf;

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
            var shape = new Shape(settings.host(), port, settings.ioThreads(), settings.gzip(), settings.keepalive(), settings.threads(),
                    settings.limits(), settings.fixture().manifest() ? Manifest.of(settings) : null,
                    settings.fixture().serverTiming());
            var config = dir.resolve("nginx.conf");
            Files.writeString(config, config(dir, shape, backends));
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

    /** {@code manifest}: the front's X-Bench-Mode, or null (manifest=off); {@code serverTiming}: Server-Timing on what nginx answers. */
    record Shape(String host, int port, int workerProcesses, boolean gzip, boolean keepalive, int threadsPerBackend, RequestLimits limits,
                 String manifest, boolean serverTiming) {
    }

    /**
     * The nginx.conf (NginxConf, as bench lb nginx's): everything (pid, logs, temp files, the static files) inside
     * {@code dir}; static files answered by nginx for paths in canonical form; the rest proxied to the backends over
     * kept-alive HTTP/1.1 connections. Configured the way nginx's benchmarkers do it.
     */
    static String config(Path dir, Shape shape, List<URI> backends) {
        var limits = shape.limits();
        var own = ownHeaders(shape);
        var server = new ArrayList<>(List.of("root " + dir + "/public;", "error_page 418 = @backends;",
                "# a request nginx refuses itself (an encoded NUL, a malformed escape, a path above the root): the same",
                "# 400 as a backend would answer, with a one-line reason rather than nginx's HTML page"));
        server.addAll(NginxConf.refusedAsOneLine(own));
        server.addAll(location("= /hello.txt", canonicalOnly(), own));
        server.addAll(location("/static/", canonicalOnly(), List.of("add_header Cache-Control \"" + StaticFiles.STATIC_CACHE_CONTROL + "\";"), own));
        server.addAll(location("= /backends", List.of("alias " + dir + "/backends.json;", "default_type application/json;",
                "add_header Cache-Control no-store;"), own));
        var listen = shape.host().contains(":") && !shape.host().startsWith("[") ? "[" + shape.host() + "]" : shape.host();
        return NginxConf.in(dir)
                .comment("generated by benchtarget daemon mode (front=nginx); deleted when it stops")
                .masterProcess()
                .workerProcesses(Integer.toString(shape.workerProcesses()))
                .httpSettings(List.of("types {", "    text/plain txt;", "    text/css css;", "    text/javascript js;",
                        "    image/svg+xml svg;", "    image/png png;", "    image/x-icon ico;", "}",
                        "default_type application/octet-stream;", "charset utf-8;", "charset_types text/plain text/css text/javascript;",
                        "# sendfile and tcp_nopush collapse under pipelined load; the file cache saves an open per request",
                        "sendfile off;", "tcp_nopush off;", "open_file_cache max=64;"))
                .keepaliveTimeout(shape.keepalive() ? "65s" : "0")
                // the request.* knobs, as on the in-process targets
                .limits(Integer.toString(limits.maxBodyBytes()), Integer.toString(limits.maxHeaderBytes()))
                .limitSettings(List.of("client_header_timeout " + limits.idleTimeout().toMillis() + "ms;",
                        "client_body_timeout " + limits.idleTimeout().toMillis() + "ms;", "gzip " + (shape.gzip() ? "on" : "off") + ";",
                        "gzip_min_length 1024;", "gzip_types text/css text/javascript image/svg+xml;", "gzip_vary on;"))
                .maps(List.of("# $request_time (seconds, to the millisecond) as Server-Timing's milliseconds: 0.012 -> 12.000",
                        "map $request_time $front_ms {", "    ~^0\\.0*(\\d+)$ \"$1.000\";", "    ~^(\\d+)\\.(\\d+)$ \"$1$2.000\";", "}", "",
                        "# app-core's one path rule (RequestPath): nginx serves a file only for a path in canonical",
                        "# form; any other (escapes, dot or empty segments) goes to a backend as sent, which judges it",
                        "map $request_uri $canonical_file {", "    default 0;",
                        "    \"~^/(hello[.]txt|static(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+)([?]|$)\" 1;", "}"))
                // one failure takes a backend out for a second; the supervisor restarts it meanwhile
                .upstream("backends", backends.stream().map(backend -> backend.getHost() + ":" + backend.getPort()).toList(), "1s",
                        Math.min(1024, Math.max(2, backends.size() * shape.threadsPerBackend())))
                .listen(listen + ":" + shape.port())
                .serverSettings(server)
                // proxied answers say daemon in X-Bench-Mode (the backends run in-process and say so)
                .proxyHeaders(shape.manifest() == null ? List.of()
                        : List.of("proxy_hide_header X-Bench-Mode;", "add_header X-Bench-Mode \"" + shape.manifest() + "\" always;"))
                .alsoProxiedAt(List.of("@backends"))
                .render();
    }

    /**
     * The headers of every answer nginx makes itself (static files, /backends), as the backends send them:
     * nosniff, X-Bench-Mode, Server-Timing (nginx times to the millisecond: {@code $request_time} in ms).
     */
    private static List<String> ownHeaders(Shape shape) {
        var headers = new ArrayList<>(List.of("add_header X-Content-Type-Options nosniff always;"));
        if (shape.manifest() != null) {
            headers.add("add_header X-Bench-Mode \"" + shape.manifest() + "\" always;");
        }
        if (shape.serverTiming()) {
            headers.add("add_header Server-Timing \"app;dur=$front_ms\" always;");
        }
        return headers;
    }

    /** A path not in canonical form goes to a backend ({@code @backends}), which judges it. */
    private static List<String> canonicalOnly() {
        return List.of("if ($canonical_file = 0) {", "    return 418;", "}");
    }

    @SafeVarargs
    private static List<String> location(String match, List<String>... directives) {
        var lines = new ArrayList<>(List.of("location " + match + " {"));
        for (var group : directives) {
            group.forEach(directive -> lines.add("    " + directive));
        }
        lines.add("}");
        return lines;
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
