package org.benchtarget.core.web;

/**
 * An HTTP request as plain values, implemented by each adapter over its server's request.
 * Accessed from the one thread that serves the request.
 */
public interface WebRequest {
    String method();

    /** Returns the decoded path, without the query. */
    String path();

    /** Returns the raw (still percent-encoded) query string without '?', or null when absent. */
    String rawQuery();

    /** Returns the first value of a request header, or null. */
    String header(String name);

    /**
     * Reads the whole request body (blocking; only on a worker or virtual thread). More than
     * {@code limit} bytes is a 413 {@link HttpProblem}; nothing of it is used.
     */
    byte[] body(int limit) throws java.io.IOException;

    /**
     * Returns {@link System#nanoTime()} when the server had read the request, before it waited for a
     * worker; 0 when the adapter cannot tell (then Server-Timing has no queue entry).
     */
    default long arrivalNanos() {
        return 0;
    }

    /** Returns the value of a cookie from the Cookie header, or null. */
    default String cookie(String name) {
        return Cookies.value(header("Cookie"), name);
    }
}
