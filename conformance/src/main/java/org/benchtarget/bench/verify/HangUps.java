package org.benchtarget.bench.verify;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;
import java.util.regex.Pattern;

/**
 * Clients that hang up in the middle of a delay or a stream must free everything: {@code clients} sockets ask for
 * {@code path} and close as soon as the target counts them all pending; then, within {@code freedWithin} of the first
 * request (less than the answer takes: freed at once, as Undertow does; more: freed at the next write, as a Servlet
 * container over HTTP/1.1 does, which cannot see a hang-up while nothing is written), /metrics must show no pending fixture answer
 * ({@code bench_fixture_pending}) and no wait left on the timer ({@code bench_fixture_timers}); live threads must not
 * grow with the waiting answers (by half a thread per client or more) nor after the hang-ups. For the target's own process (not through a daemon's front). Public: target tests run it with 1,000.
 */
public final class HangUps {
    private static final Duration ARRIVE = Duration.ofSeconds(20);

    private HangUps() {
    }

    /** Returns what was wrong, none when everything was freed in time. */
    public static List<String> check(URI base, int clients, String path, Duration freedWithin) throws Exception {
        var failures = new ArrayList<String>();
        var http = new HttpProbe(base);
        double threadsBefore = gauge(http, "jvm_threads_live_threads");
        var sockets = new ArrayList<Socket>(clients);
        double threadsPending;
        long asked;
        try {
            asked = System.nanoTime();
            for (int i = 0; i < clients; i++) {
                var socket = ClientTransport.socket(base, 0); // plain or TLS, as the probe speaks (HTTP/1.1 either way)
                sockets.add(socket);
                socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: hangups\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            if (!await(http, "bench_fixture_pending", pending -> pending >= clients, System.nanoTime() + ARRIVE.toNanos())) {
                failures.add(path + ": " + clients + " clients asked, only " + gauge(http, "bench_fixture_pending") + " pending");
            }
            threadsPending = gauge(http, "jvm_threads_live_threads");
        } finally {
            for (var socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing is all we want
                }
            }
        }
        long deadline = asked + freedWithin.toNanos();
        if (System.nanoTime() >= deadline) {
            failures.add(path + ": the clients took longer than " + freedWithin.toMillis() + " ms to connect: cannot tell");
            return failures;
        }
        if (!await(http, "bench_fixture_pending", pending -> pending == 0, deadline)) {
            failures.add(path + ": " + gauge(http, "bench_fixture_pending") + " answers still pending after " + clients + " clients hung up");
        }
        if (!await(http, "bench_fixture_timers", timers -> timers == 0, deadline)) {
            failures.add(path + ": " + gauge(http, "bench_fixture_timers") + " waits left on the timer after " + clients + " clients hung up");
        }
        if (threadsPending - threadsBefore >= clients / 2.0) {
            failures.add(path + ": live threads grew from " + threadsBefore + " to " + threadsPending + " for " + clients + " waiting answers");
        }
        double threadsAfter = gauge(http, "jvm_threads_live_threads");
        if (threadsAfter > Math.max(threadsBefore, threadsPending) + 8) {
            failures.add(path + ": live threads grew to " + threadsAfter + " after the clients hung up");
        }
        return failures;
    }

    private static boolean await(HttpProbe http, String gauge, DoublePredicate done, long deadlineNanos) throws Exception {
        while (true) {
            if (done.test(gauge(http, gauge))) {
                return true;
            }
            if (System.nanoTime() >= deadlineNanos) {
                return false;
            }
            Thread.sleep(50);
        }
    }

    /** Returns a gauge's value from /metrics (the first series of that name), NaN when it is missing. */
    static double gauge(HttpProbe http, String name) throws Exception {
        var matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*})? (\\S+)$").matcher(http.get("/metrics").text());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
    }
}
