package org.benchtarget.bench;

/** A problem the user can fix (a missing jar, a port in use); the message is one line. */
public final class BenchException extends RuntimeException {
    public BenchException(String message) {
        super(message);
    }
}
