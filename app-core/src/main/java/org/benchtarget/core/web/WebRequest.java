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
}
