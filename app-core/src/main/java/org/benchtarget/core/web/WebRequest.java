package org.benchtarget.core.web;

/**
 * An HTTP request as plain values, implemented by each adapter over its server's request.
 * Accessed from the one thread that serves the request.
 */
public interface WebRequest {
    String method();

    /**
     * Returns the raw path of the request target as the client sent it: still percent-encoded, dot
     * segments and empty segments as they were, without the query. Adapters never decode or normalise it;
     * {@link RequestPath#route} (the one path rule, applied by App) makes the path that is routed.
     */
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

    /**
     * Returns whether the client connected from a loopback address (the peer of the connection, never a header);
     * false when the adapter cannot tell.
     */
    default boolean fromLoopback() {
        return false;
    }

    /** Returns whether {@code address}, an IP literal as servers report peers (IPv4, IPv6, bracketed or mapped), is loopback. */
    static boolean isLoopbackLiteral(String address) {
        if (address == null) {
            return false;
        }
        var bare = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        return bare.startsWith("127.") || bare.equals("::1") || bare.equals("0:0:0:0:0:0:0:1") || bare.startsWith("::ffff:127.");
    }

    /** Returns whether the request came over TLS (its scheme is https): then cookies are sent {@code Secure}. */
    default boolean secure() {
        return false;
    }

    /**
     * Returns every value of a request header, in order. Adapters whose clients may repeat a header override it: over
     * HTTP/2 browsers send each cookie as a Cookie field of its own (RFC 9113 8.2.3).
     */
    default java.util.List<String> headers(String name) {
        var value = header(name);
        return value == null ? java.util.List.of() : java.util.List.of(value);
    }

    /** Returns the value of a cookie from the Cookie header (or headers, joined as RFC 9113 8.2.3 says), or null. */
    default String cookie(String name) {
        var fields = headers("Cookie");
        return Cookies.value(fields.size() == 1 ? fields.get(0) : String.join("; ", fields), name);
    }
}
