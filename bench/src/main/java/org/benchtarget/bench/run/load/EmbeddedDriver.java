package org.benchtarget.bench.run.load;

import org.benchtarget.bench.run.experiment.Experiment.LoadKind;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The default driver, inside bench, latencies in HdrHistogram. Closed loop: {@code level} users, each sending its next
 * journey when the last ended (ab -c). Open loop: journeys start at {@code level} per second on a fixed schedule, each
 * timed from its planned start, so a slow server cannot slow the schedule down (httperf --rate, without coordinated
 * omission). Sessions run on virtual threads over {@link SessionTransports} (HTTP/1.1 through HttpClient 5's pool, or
 * HTTP/2 through the JDK's client); a closed loop of plain GETs over HTTP/1.1 runs each user on a connection of its
 * own instead ({@link GetUsers}), the cheapest way for the driver.
 */
public final class EmbeddedDriver implements LoadDriver {
    /** Open loop: at most this many connections; a request waiting for one is still timed from its planned start. */
    private static final int OPEN_LOOP_CONNECTIONS = 1_000;

    @Override
    public int cores() {
        return Runtime.getRuntime().availableProcessors(); // the JDK reads the affinity mask: --pin's CPUs
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public String cannotDrive(LoadKind kind, Workload workload) {
        return null;
    }

    @Override
    public Outcome drive(Spec spec, RunControl control) throws IOException, InterruptedException {
        var tally = new Tally(spec.kind() == LoadKind.RATE);
        long start = System.nanoTime();
        if (spec.kind() == LoadKind.CONCURRENCY && spec.workload() instanceof Workload.Get get && !SessionTransports.http2(spec)) {
            GetUsers.run(spec, get, control, tally, start);
            return tally.outcome((System.nanoTime() - start) / 1e9);
        }
        int connections = spec.kind() == LoadKind.CONCURRENCY ? spec.level() : OPEN_LOOP_CONNECTIONS;
        try (var transports = new SessionTransports(spec, connections)) {
            if (spec.kind() == LoadKind.CONCURRENCY) {
                closedLoop(spec, control, transports, tally, start);
            } else {
                openLoop(spec, control, transports, tally, start);
            }
            return tally.outcome((System.nanoTime() - start) / 1e9);
        }
    }

    private static void closedLoop(Spec spec, RunControl control, SessionTransports transports, Tally tally, long start)
            throws InterruptedException {
        var budget = new AtomicLong(spec.requests() > 0 ? spec.requests() : Long.MAX_VALUE);
        long end = spec.requests() > 0 ? Long.MAX_VALUE : start + spec.duration().toNanos();
        try (var users = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int user = 0; user < spec.level(); user++) {
                int slot = user;
                users.submit(() -> {
                    while (!control.cancelled() && System.nanoTime() < end && budget.getAndDecrement() > 0) {
                        iteration(spec, transports.forSession(slot), tally, 0);
                    }
                });
            }
            users.shutdown();
            awaitOrCancel(users, control);
        }
    }

    private static void openLoop(Spec spec, RunControl control, SessionTransports transports, Tally tally, long start)
            throws InterruptedException {
        long total = spec.requests() > 0 ? spec.requests() : Math.max(1, spec.level() * spec.duration().toSeconds());
        double intervalNanos = 1e9 / spec.level();
        try (var users = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < total && !control.cancelled(); i++) {
                long planned = start + (long) (i * intervalNanos);
                long wait = planned - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                long slot = i;
                users.submit(() -> iteration(spec, transports.forSession(slot), tally, planned));
            }
            users.shutdown();
            awaitOrCancel(users, control);
        }
    }

    private static void awaitOrCancel(ExecutorService users, RunControl control) throws InterruptedException {
        while (!users.awaitTermination(200, TimeUnit.MILLISECONDS)) {
            if (control.cancelled()) {
                users.shutdownNow();
                users.awaitTermination(5, TimeUnit.SECONDS);
                return;
            }
        }
    }

    private static void iteration(Spec spec, Transport transport, Tally tally, long plannedNanos) {
        var session = new HttpSession(transport, spec.base(), tally, plannedNanos);
        boolean completed;
        try {
            completed = switch (spec.workload()) {
                case Workload.Get get -> {
                    int status = session.fetch(get.path());
                    yield status >= 200 && status <= 299;
                }
                case Workload.Scripted scripted -> scripted.journey().run(session);
            };
        } catch (IOException | RuntimeException e) {
            // counted by kind in the session (IOException); a journey bug counts as a failed journey
            completed = false;
        }
        tally.journey(completed);
    }
}
