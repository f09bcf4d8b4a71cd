package org.benchtarget.core.survey;

import java.sql.SQLException;

/**
 * Tells a write that lost a race (a unique key already taken, a concurrent update) from a fault,
 * the same way on PostgreSQL and H2, which share SQLSTATE 23505 for a duplicate key.
 */
final class Conflicts {
    /** H2's "concurrent update in table": another transaction changed the row first. */
    private static final int H2_CONCURRENT_UPDATE = 90131;
    /** H2's "timeout trying to lock table": the other transaction held the key too long. */
    private static final int H2_LOCK_TIMEOUT = 50200;

    private Conflicts() {
    }

    static boolean isConflict(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                var state = sql.getSQLState();
                if (state != null && (state.startsWith("23") || state.equals("40001") || state.equals("40P01"))) {
                    return true;
                }
                if (sql.getErrorCode() == H2_CONCURRENT_UPDATE || sql.getErrorCode() == H2_LOCK_TIMEOUT) {
                    return true;
                }
            }
        }
        return false;
    }
}
