package org.benchtarget.daemon.front;

import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps the Undertow front's log readable when clients give up on requests. When a client resets an HTTP/2 stream
 * (or closes its connection) while the backend is answering, Undertow's proxy closes that backend connection and logs
 * "UT005028: Proxy request to ... failed" with a 30-line stack trace of the {@link ClosedChannelException} it
 * caused itself: a rapid-reset test through the TLS front wrote 7,498 of them (20 MB) in a minute. Those records are
 * dropped and counted; every other proxy failure (a backend refusing, resetting, timing out) is still logged.
 */
final class QuietAbandonedProxyRequests implements Filter {
    /** Undertow's proxy request logger (UndertowLogger.PROXY_REQUEST_LOGGER); held here, as JUL keeps loggers weakly. */
    private static final Logger PROXY = Logger.getLogger("io.undertow.proxy");
    private static final QuietAbandonedProxyRequests INSTANCE = new QuietAbandonedProxyRequests();

    private final AtomicLong dropped = new AtomicLong();

    private QuietAbandonedProxyRequests() {
    }

    /** Installs the filter on the proxy logger, once per process. */
    static QuietAbandonedProxyRequests install() {
        PROXY.setFilter(INSTANCE);
        return INSTANCE;
    }

    /** Returns how many abandoned-request records were dropped so far. */
    long dropped() {
        return dropped.get();
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (abandoned(record.getThrown())) {
            dropped.incrementAndGet();
            return false;
        }
        return true;
    }

    static boolean abandoned(Throwable thrown) {
        for (var cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof ClosedChannelException) {
                return true;
            }
        }
        return false;
    }
}
