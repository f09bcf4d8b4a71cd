package org.benchtarget.undertow;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpServerConnection;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.conduits.ConduitStreamSourceChannel;

import java.io.IOException;

/**
 * Notices a client hanging up while its HTTP/1.1 request waits for a fixture answer. Undertow stops reading a
 * connection once it has parsed a request, so a client's FIN would go unseen until the answer's write failed (seconds
 * later, for a delay). Here the connection is read while the exchange waits: end of stream closes it (and its close
 * listener tells the app); bytes of a pipelined next request are handed back to Undertow
 * ({@link HttpServerConnection#ungetRequestBytes}) and watching stops. When the exchange ends, Undertow's own read
 * listener is put back. Other protocols are left alone (their close listener still reports a hang-up). IO thread only.
 */
final class HangUpWatch {
    private HangUpWatch() {
    }

    /** Starts watching; returns what puts Undertow's read listener back (run it when the exchange completes). */
    static Runnable start(HttpServerExchange exchange) {
        if (!(exchange.getConnection() instanceof HttpServerConnection connection)) {
            return () -> { };
        }
        var source = connection.getChannel().getSourceChannel();
        ChannelListener<? super ConduitStreamSourceChannel> undertows = source.getReadListener();
        source.getReadSetter().set(channel -> {
            var pooled = connection.getByteBufferPool().allocate();
            try {
                int read = channel.read(pooled.getBuffer());
                if (read < 0) {
                    pooled.close();
                    IoUtils.safeClose(connection);
                } else if (read > 0) {
                    channel.suspendReads();
                    pooled.getBuffer().flip();
                    connection.ungetRequestBytes(pooled); // Undertow parses it once this exchange is done
                } else {
                    pooled.close();
                }
            } catch (IOException e) {
                pooled.close();
                IoUtils.safeClose(connection);
            }
        });
        source.resumeReads();
        return () -> {
            if (source.isOpen()) {
                source.suspendReads();
                source.getReadSetter().set(undertows);
            }
        };
    }
}
