package org.benchtarget.bench.run.load;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed loop of plain GETs (ab -c, wrk -c): each user sends its next request when the last was answered, on a
 * connection of its own ({@link OwnConnection}). Up to {@link #PLATFORM_USERS} users each run on a platform thread: a
 * read that waits then costs one kernel wake-up, where a virtual thread's costs a round trip through the JDK's poller
 * (measured against nginx on one core, kept alive at c=64: 42k against 25k requests a second). Beyond that, virtual
 * threads. The response timeout is a watchdog that closes a connection whose request is overdue, so reads stay plain
 * blocking reads (a socket timeout makes each one a non-blocking read, a poll and a read again).
 */
final class GetUsers {
    /** Above this many users, virtual threads: 10,000 platform threads would cost more than the poller does. */
    static final int PLATFORM_USERS = 1_000;
    private static final long WATCH_MILLIS = 50;

    private GetUsers() {
    }

    static void run(LoadDriver.Spec spec, Workload.Get get, RunControl control, Tally tally, long start) throws InterruptedException {
        var budget = new AtomicLong(spec.requests() > 0 ? spec.requests() : Long.MAX_VALUE);
        long end = spec.requests() > 0 ? Long.MAX_VALUE : start + spec.duration().toNanos();
        Set<OwnConnection> open = ConcurrentHashMap.newKeySet();
        var watchdog = Thread.ofPlatform().daemon().name("get-users-watchdog").start(() -> watch(open, spec.timeout().toNanos(), control));
        try (var users = executor(spec.level())) {
            for (int user = 0; user < spec.level(); user++) {
                users.submit(() -> {
                    try (var own = new OwnConnection(spec.base(), get.path(), spec.keepalive(), spec.acceptGzip(), tally)) {
                        open.add(own);
                        while (!control.cancelled() && System.nanoTime() < end && budget.getAndDecrement() > 0) {
                            tally.journey(own.fetch());
                        }
                        open.remove(own);
                    }
                });
            }
            users.shutdown();
            while (!users.awaitTermination(200, TimeUnit.MILLISECONDS)) {
                // a cancelled run: the watchdog closes every connection, which ends each user's blocked read
                if (control.cancelled() && !users.awaitTermination(5, TimeUnit.SECONDS)) {
                    users.shutdownNow();
                    break;
                }
            }
        } finally {
            watchdog.interrupt();
        }
    }

    private static ExecutorService executor(int users) {
        return users <= PLATFORM_USERS
                ? Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("get-user-", 0).stackSize(256 * 1024).factory())
                : Executors.newVirtualThreadPerTaskExecutor();
    }

    /** Closes the connections whose request has waited longer than the timeout, and all of them once the run is cancelled. */
    private static void watch(Set<OwnConnection> open, long timeoutNanos, RunControl control) {
        while (!Thread.currentThread().isInterrupted()) {
            long now = System.nanoTime();
            boolean cancelled = control.cancelled();
            for (var own : open) {
                own.abortIfOverdue(now, timeoutNanos, cancelled);
            }
            try {
                Thread.sleep(WATCH_MILLIS);
            } catch (InterruptedException done) {
                return;
            }
        }
    }
}
