package org.benchtarget.undertow;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import org.benchtarget.core.config.RequestLimits;

/** The {@code request.*} knobs as Undertow server options, for the app server and the daemon front alike. Stateless. */
public final class RequestLimitOptions {
    private RequestLimitOptions() {
    }

    public static Undertow.Builder apply(Undertow.Builder builder, RequestLimits limits) {
        int idleMillis = Math.toIntExact(limits.idleTimeout().toMillis());
        return builder
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, limits.maxHeaderBytes())
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, (long) limits.maxBodyBytes())
                // silent connections, between requests and mid-request, are closed ... (a body that stalls or
                // trickles is cut off by its own deadline: BodyFirst on the app server, BodyDeadline on the
                // daemon front; no XNIO READ_TIMEOUT, which re-arms a timer on every read: /hello ~5% slower)
                .setServerOption(UndertowOptions.IDLE_TIMEOUT, idleMillis)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, idleMillis)
                // ... and so is one trickling its head a byte at a time (slowloris): the whole head within the timeout
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, idleMillis);
    }
}
