package org.benchtarget.jetty.core;

import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty's pool, remembering how long each queued job waited for a thread. Jetty reads and parses a
 * request on the pool thread that then serves it, so the request's own begin time comes after that
 * wait; the wait of the job that read it is the "queue" of Server-Timing. The selector's inline
 * tasks and reserved threads ({@code tryExecute}) never wait in the queue and are not stamped.
 * Used by the Jetty and Spring targets. Thread-safe.
 */
public final class QueueStampingThreadPool extends QueuedThreadPool {
    /** Per thread: the running job's wait in nanoseconds, until a request takes it; -1 when none. */
    private static final ThreadLocal<long[]> JOB_WAIT = ThreadLocal.withInitial(() -> new long[]{-1});

    public QueueStampingThreadPool(int maxThreads, int minThreads, int idleTimeout) {
        super(maxThreads, minThreads, idleTimeout);
    }

    @Override
    public void execute(Runnable job) {
        super.execute(new Stamped(job, System.nanoTime()));
    }

    /**
     * Returns when a request whose Jetty begin time is {@code beginNanos} reached the server: that time less the
     * wait of the pool job that read it. Server-Timing's queue is then the pool wait plus the time before the app.
     */
    public static long arrivalNanos(long beginNanos) {
        return beginNanos - Math.max(0, takeJobWait());
    }

    /** Returns how long the job running on this thread waited for it, once (later requests of the job did not wait); -1 if unknown. */
    static long takeJobWait() {
        var slot = JOB_WAIT.get();
        long wait = slot[0];
        slot[0] = -1;
        return wait;
    }

    /** Keeps the job's invocation type, which Jetty's execution strategies ask for. */
    private record Stamped(Runnable job, long queuedNanos) implements Runnable, Invocable {
        @Override
        public void run() {
            var slot = JOB_WAIT.get();
            slot[0] = System.nanoTime() - queuedNanos;
            try {
                job.run();
            } finally {
                slot[0] = -1;
            }
        }

        @Override
        public InvocationType getInvocationType() {
            return Invocable.getInvocationType(job);
        }

        @Override
        public String toString() {
            return job.toString();
        }
    }
}
