package org.benchtarget.bench.verify;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Holds {@code clients} requests open at once: each client, on its own keep-alive connection (a virtual thread), asks
 * for {@code path} (e.g. {@code /delay/fixed:1s}), and again as soon as the answer arrives until {@code duration} is
 * over (at least once). Counts
 * answers by status and the connections refused, reset or timed out. Used by the memory checks of the delay (10,000
 * open delays on one target: run it in its own process, the target's sockets and these count against the same file
 * limit otherwise):
 * <pre>java -cp conformance/target/classes org.benchtarget.bench.verify.HoldOpen http://127.0.0.1:8080 10000 /delay/fixed:1s 20s</pre>
 * Prints one line: {@code answered=N ok=N failed=N first-failure=...}; exits 1 when any failed.
 */
public final class HoldOpen {
    private HoldOpen() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: HoldOpen BASE CLIENTS PATH DURATION   e.g. http://127.0.0.1:8080 10000 /delay/fixed:1s 20s");
            System.exit(2);
        }
        var base = URI.create(args[0]);
        int clients = Integer.parseInt(args[1]);
        var duration = Duration.parse("PT" + args[3].toUpperCase(java.util.Locale.ROOT));
        var answered = new AtomicLong();
        var ok = new AtomicLong();
        var failed = new AtomicLong();
        var firstFailure = new StringBuffer();
        long end = System.nanoTime() + duration.toNanos();
        var request = ("GET " + args[2] + " HTTP/1.1\r\nHost: hold\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < clients; i++) {
                threads.submit(() -> {
                    try (var socket = new Socket()) {
                        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 30_000);
                        socket.setSoTimeout(30_000);
                        var in = socket.getInputStream();
                        do { // once at least, however long the connections took to open
                            socket.getOutputStream().write(request);
                            int status = readAnswer(in);
                            answered.incrementAndGet();
                            if (status == 200) {
                                ok.incrementAndGet();
                            } else {
                                throw new IOException("status " + status);
                            }
                        } while (System.nanoTime() < end);
                    } catch (IOException | RuntimeException e) {
                        if (failed.incrementAndGet() == 1) {
                            firstFailure.append(e);
                        }
                    }
                    return null;
                });
            }
        }
        System.out.println("answered=" + answered + " ok=" + ok + " failed=" + failed + " first-failure=" + firstFailure);
        System.exit(failed.get() == 0 ? 0 : 1);
    }

    /**
     * What {@link #measure} saw: the client's exit code and line, the most answers pending at once, the target's RSS
     * and thread count before (the warm-up's most) and at their peak.
     */
    public record Held(int exitCode, String output, double peakPending, long rssBefore, long rssPeak, long threadsBefore,
                       long threadsPeak) {
        public long rssGrowth() {
            return rssPeak - rssBefore;
        }

        public long threadGrowth() {
            return threadsPeak - threadsBefore;
        }

        /**
         * Returns what falls short of the memory check: {@code clients} all pending at once, all 200, fewer than
         * {@link #MAX_THREAD_GROWTH} threads more than the warm-up took (a thread held per delay would add thousands),
         * RSS growth under the bound.
         */
        public List<String> failures(int clients, long maxGrowthBytes) {
            var failures = new ArrayList<String>();
            if (exitCode != 0) {
                failures.add("the client failed: " + output);
            }
            if (peakPending < clients * 0.9) {
                failures.add("at most " + (long) peakPending + " of " + clients + " answers pending at once");
            }
            if (threadGrowth() >= MAX_THREAD_GROWTH) {
                failures.add("threads grew by " + threadGrowth() + " (" + threadsBefore + " -> " + threadsPeak
                        + "), the bound is " + MAX_THREAD_GROWTH);
            }
            if (rssGrowth() >= maxGrowthBytes) {
                failures.add("RSS grew by " + rssGrowth() / 1024 + " KiB, the bound is " + maxGrowthBytes / 1024);
            }
            return failures;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d pending at most, RSS %,d -> %,d KiB (+%,d), threads %d -> %d, client: %s",
                    (long) peakPending, rssBefore / 1024, rssPeak / 1024, rssGrowth() / 1024, threadsBefore, threadsPeak,
                    output);
        }
    }

    /**
     * Runs this client in its own JVM against {@code base} (a target in process {@code serverPid}) and samples the
     * target's {@code bench_fixture_pending} and RSS (Linux /proc) while it holds the requests open.
     */
    public static Held measure(URI base, long serverPid, int clients, String path, Duration duration) throws Exception {
        var http = new HttpProbe(base);
        // A tenth first: the JIT, the heap's growth under a burst and the server's buffer pools are in the baseline,
        // the most RSS the warm-up took; what the other nine tenths add on top is what open delays cost.
        var warmUp = sample(http, serverPid, client(base, clients / 10, path, duration));
        var client = client(base, clients, path, duration);
        var peak = sample(http, serverPid, client);
        var output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return new Held(client.exitValue(), output, peak.pending, warmUp.rss, Math.max(warmUp.rss, peak.rss),
                warmUp.threads, Math.max(warmUp.threads, peak.threads));
    }

    /** A thread per held delay would add thousands; a pool growing to its bound adds at most a few hundred. */
    public static final long MAX_THREAD_GROWTH = 500;

    /** The most of each, sampled while a client ran. */
    private record Peaks(double pending, long rss, long threads) {
    }

    /** Samples the target's RSS, threads and pending answers every 250 ms until {@code client} ends. */
    private static Peaks sample(HttpProbe http, long serverPid, Process client) throws Exception {
        double pending = 0;
        long rss = procStatus(serverPid, "VmRSS:") * 1024;
        long threads = procStatus(serverPid, "Threads:");
        while (!client.waitFor(250, TimeUnit.MILLISECONDS)) {
            pending = Math.max(pending, HangUps.gauge(http, "bench_fixture_pending"));
            rss = Math.max(rss, procStatus(serverPid, "VmRSS:") * 1024);
            threads = Math.max(threads, procStatus(serverPid, "Threads:"));
        }
        return new Peaks(pending, rss, threads);
    }

    private static Process client(URI base, int clients, String path, Duration duration) throws IOException {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), HoldOpen.class.getName(),
                base.toString(), Integer.toString(clients), path, duration.toSeconds() + "s").redirectErrorStream(true).start();
    }

    /** Returns the number on a line of /proc/PID/status (Linux), e.g. {@code VmRSS:} (in KiB) or {@code Threads:}. */
    private static long procStatus(long pid, String field) throws IOException {
        for (var line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IOException("no " + field + " for process " + pid);
    }

    /** Reads one answer with a Content-Length body; returns its status. */
    private static int readAnswer(InputStream in) throws IOException {
        var head = new StringBuilder(512);
        int last4 = 0;
        while (last4 != 0x0d0a0d0a) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed by the server");
            }
            head.append((char) b);
            last4 = (last4 << 8) | b;
        }
        var lines = head.toString().split("\r\n");
        long length = 0;
        for (var line : lines) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Long.parseLong(line.substring(15).strip());
            }
        }
        in.readNBytes((int) length);
        return Integer.parseInt(lines[0].split(" ")[1]);
    }
}
