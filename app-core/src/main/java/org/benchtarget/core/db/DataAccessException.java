package org.benchtarget.core.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * A failed database call, unchecked so it can cross Caffeine loaders and lambdas. When the
 * database could not be reached it is an outage (503), otherwise a fault (500).
 */
public final class DataAccessException extends RuntimeException {
    public DataAccessException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** Returns whether this is the database being away rather than a bad statement. */
    public static boolean isOutage(Throwable error) {
        for (var cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }
}
