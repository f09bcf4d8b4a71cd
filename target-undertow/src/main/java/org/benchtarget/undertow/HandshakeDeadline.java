package org.benchtarget.undertow;

import io.undertow.Undertow;
import org.xnio.ssl.SslConnection;
import io.undertow.server.OpenListener;
import org.xnio.ChannelListener;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;
import org.xnio.channels.AcceptingChannel;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes a TLS connection whose handshake has not finished within {@code request.idle-timeout}. With HTTP/2 on,
 * Undertow's ALPN listener waits for the handshake before any of its idle timeouts applies, so a client that
 * connects and never sends a ClientHello (or half of one) held its connection forever. Undertow has no option
 * for it and no hook between accept and ALPN: the listener's accepting channel gets an accept listener that arms a
 * timer on the connection's IO thread, then hands the connection to Undertow's own open listener.
 */
public final class HandshakeDeadline {
    private HandshakeDeadline() {
    }

    public static void apply(Undertow undertow, Duration deadline) {
        long millis = deadline.toMillis();
        for (var listener : undertow.getListenerInfo()) {
            if (!"https".equals(listener.getProtcol())) {
                continue;
            }
            AcceptingChannel<StreamConnection> channel = field(listener, "channel");
            OpenListener open = field(listener, "openListener");
            ChannelListener<StreamConnection> guarded = connection -> {
                connection.getIoThread().executeAfter(() -> {
                    if (connection.isOpen() && !handshaken(connection)) {
                        IoUtils.safeClose(connection);
                    }
                }, millis, TimeUnit.MILLISECONDS);
                open.handleEvent(connection);
            };
            channel.getAcceptSetter().set(ChannelListeners.openListenerAdapter(guarded));
        }
    }

    private static boolean handshaken(StreamConnection connection) {
        return connection instanceof SslConnection ssl && ssl.getSslSession() != null
                && !"NONE".equals(ssl.getSslSession().getProtocol());
    }

    @SuppressWarnings("unchecked")
    private static <T> T field(Undertow.ListenerInfo listener, String name) {
        try {
            var field = Undertow.ListenerInfo.class.getDeclaredField(name);
            field.setAccessible(true);
            return (T) field.get(listener);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Undertow " + io.undertow.Version.getVersionString()
                    + ": ListenerInfo." + name + " is gone; HandshakeDeadline needs updating", e);
        }
    }
}
