package org.benchtarget.db;

/**
 * The pool could not be opened: the database is not there, refuses us, or our credentials are wrong. Its message is
 * one line naming the database (never the password) and what to do; a start may wait and retry on it (db.wait).
 */
public final class DatabaseUnreachableException extends IllegalStateException {
    public DatabaseUnreachableException(String message) {
        super(message);
    }
}
