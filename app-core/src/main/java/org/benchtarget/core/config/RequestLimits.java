package org.benchtarget.core.config;

import java.time.Duration;

/**
 * How much a client may send and how long it may take, configured on every target's server (and the
 * daemon front) from the {@code request.*} knobs. Immutable.
 *
 * @param maxHeaderBytes request line plus headers
 * @param maxBodyBytes   request body
 * @param idleTimeout    a connection silent this long is closed
 */
public record RequestLimits(int maxHeaderBytes, int maxBodyBytes, Duration idleTimeout) {
    /** The defaults: the contract's largest request (a 2,000-character wall item) fits many times over. */
    public static final RequestLimits DEFAULTS = new RequestLimits(16 * 1024, 64 * 1024, Duration.ofSeconds(30));
}
