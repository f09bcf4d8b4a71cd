package org.benchtarget.core.web;

import java.util.List;

/**
 * The headers that keep a browser from mis-using our answers, built once (App adds them to every
 * response on the hot path, so no per-request work): {@code nosniff} on every response (a 404 that
 * echoes a path must never be sniffed as HTML), a strict Content-Security-Policy (the pages load only
 * their own CSS, JS and images, inline nothing, and may not be framed) and Referrer-Policy on HTML.
 */
public final class SecurityHeaders {
    public static final Header NOSNIFF = new Header("X-Content-Type-Options", "nosniff");
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    /** What an HTML response adds besides {@link #NOSNIFF}. */
    public static final List<Header> HTML = List.of(
            new Header("Content-Security-Policy", CONTENT_SECURITY_POLICY),
            new Header("Referrer-Policy", "same-origin"));

    private SecurityHeaders() {
    }

    /** Returns whether {@code contentType} is HTML (then {@link #HTML} applies). */
    public static boolean isHtml(String contentType) {
        return contentType != null && contentType.startsWith("text/html");
    }
}
