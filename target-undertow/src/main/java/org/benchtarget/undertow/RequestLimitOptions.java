package org.benchtarget.undertow;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import org.benchtarget.core.config.RequestLimits;
import org.xnio.Options;

/** The {@code request.*} knobs as Undertow server options, for the app server and the daemon front alike. Stateless. */
public final class RequestLimitOptions {
    private RequestLimitOptions() {
    }

    public static Undertow.Builder apply(Undertow.Builder builder, RequestLimits limits) {
        int idleMillis = Math.toIntExact(limits.idleTimeout().toMillis());
        return builder
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, limits.maxHeaderBytes())
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, (long) limits.maxBodyBytes())
                // silent connections, between requests and mid-request, are closed ...
                .setServerOption(UndertowOptions.IDLE_TIMEOUT, idleMillis)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, idleMillis)
                // ... and so is one trickling its head a byte at a time (slowloris): the whole head within the timeout
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, idleMillis);
    }

    /**
     * The app server only: a handler blocked reading a body the client stopped sending gives up after the
     * idle timeout (the app answers 408). Not on the daemon front, whose proxy would answer such a stall
     * with a 503: there the idle timeout closes the client's connection, and the backend times out its read.
     */
    public static Undertow.Builder blockingReads(Undertow.Builder builder, RequestLimits limits) {
        return builder.setSocketOption(Options.READ_TIMEOUT, Math.toIntExact(limits.idleTimeout().toMillis()));
    }
}
