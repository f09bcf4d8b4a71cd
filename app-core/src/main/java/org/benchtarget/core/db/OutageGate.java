package org.benchtarget.core.db;

import java.sql.SQLException;

/**
 * Fails database requests fast while the database is known to be away. Without it, every request
 * that needs the database waits the pool's full timeout while PostgreSQL is down, so the worker
 * threads pile up and requests that need no database (/hello on a thread pool) queue behind them.
 * After an outage is seen, requests answer 503 at once for {@code holdMillis}; then the next ones
 * try again (the probe), so the app recovers by itself when the database returns. Thread-safe.
 */
public final class OutageGate {
    private final long holdNanos;
    private volatile long closedUntil;

    public OutageGate(long holdMillis) {
        this.holdNanos = holdMillis * 1_000_000;
        this.closedUntil = System.nanoTime();
    }

    /** Returns whether database requests should answer 503 now without trying. */
    public boolean closed() {
        return System.nanoTime() - closedUntil < 0;
    }

    /** Records a failed database call; closes the gate when it says the database is unreachable (not merely busy). */
    public void failed(Throwable error) {
        if (unreachable(error)) {
            closedUntil = System.nanoTime() + holdNanos;
        }
    }

    /**
     * Returns whether the error says the database cannot be reached: a connection SQLSTATE
     * ({@link DataAccessException#isConnectionState}) or a refused socket anywhere in the chain. HikariCP's "request timed out" of a busy pool has no
     * such cause, so overload alone never closes the gate.
     */
    static boolean unreachable(Throwable error) {
        for (var cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException
                    || (cause instanceof SQLException sql && DataAccessException.isConnectionState(sql.getSQLState()))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
