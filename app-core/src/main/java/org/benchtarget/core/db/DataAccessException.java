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
            if (cause instanceof SQLTransientConnectionException || (cause instanceof SQLException sql && isConnectionState(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns whether an SQLSTATE says the server is unreachable or going away: connection exceptions (08...)
     * and PostgreSQL's operator intervention (57P01 shut down, 57P02 crashed, 57P03 still starting up).
     */
    public static boolean isConnectionState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
    }
}
