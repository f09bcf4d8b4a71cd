package org.benchtarget.bench.run.load;

import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpVersion;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.DefaultConnectionReuseStrategy;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.protocol.BasicHttpContext;
import org.apache.hc.core5.io.CloseMode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;

/**
 * One closed-loop user of a plain GET level (what ab, wrk and httperf measure) on a connection of its own: HttpCore's
 * HTTP/1.1 client connection on a socket the user opens itself, kept alive across its requests, or one per request
 * without keep-alive (ab without -k). No pool, no exec chain, no cookies: what HttpClient adds costs the driver more
 * than the target's answer (about 50 µs a request kept alive, 210 µs with a new connection, measured against nginx),
 * and a driver that is the bottleneck measures itself. Journeys, with cookies and forms, stay on HttpClient
 * ({@link HttpSession}). Not thread-safe: one per user.
 */
final class OwnConnection implements AutoCloseable {
    private static final DefaultConnectionReuseStrategy REUSE = DefaultConnectionReuseStrategy.INSTANCE;

    private final InetSocketAddress address;
    private final String host;
    private final boolean https;
    private final ClassicHttpRequest request;
    private final boolean keepalive;
    private final Tally tally;
    private final BasicHttpContext context = new BasicHttpContext();
    /** Bound to one socket after another: its buffers are allocated once per user, not once per connection. */
    private DefaultBHttpClientConnection connection = new DefaultBHttpClientConnection(Http1Config.DEFAULT);
    /** When the request in flight was sent (0: none), its socket, and whether the watchdog closed it: read by {@link GetUsers}'s watchdog. */
    private volatile long sentNanos;
    private volatile Socket socket;
    private volatile boolean aborted;

    OwnConnection(URI base, String path, boolean keepalive, boolean acceptGzip, Tally tally) {
        this.https = "https".equals(base.getScheme());
        this.host = base.getHost();
        int port = base.getPort() > 0 ? base.getPort() : https ? 443 : 80;
        this.address = new InetSocketAddress(host, port);
        this.keepalive = keepalive;
        this.tally = tally;
        // built once and sent as is every time: the same head HttpSession sends
        var get = new BasicClassicHttpRequest("GET", base.resolve(path).getRawPath() + query(base.resolve(path)));
        get.setVersion(HttpVersion.HTTP_1_1);
        get.setHeader(HttpHeaders.HOST, host + ":" + port);
        get.setHeader(HttpHeaders.USER_AGENT, "benchtarget-bench");
        if (acceptGzip) {
            get.setHeader(HttpHeaders.ACCEPT_ENCODING, "gzip");
        }
        if (!keepalive) {
            get.setHeader(HttpHeaders.CONNECTION, "close");
        }
        this.request = get;
    }

    private static String query(URI uri) {
        return uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    }

    /** Sends the GET once and counts the answer (or the failure); returns whether it was a 2xx. */
    boolean fetch() {
        long sent = System.nanoTime();
        sentNanos = sent;
        try {
            if (!connection.isOpen()) {
                connect();
            }
            connection.sendRequestHeader(request);
            connection.flush();
            ClassicHttpResponse response = connection.receiveResponseHeader();
            connection.receiveResponseEntity(response);
            EntityUtils.consume(response.getEntity());
            int status = response.getCode();
            if (!keepalive || !REUSE.keepAlive(request, response, context)) {
                close();
            }
            long micros = (System.nanoTime() - sent) / 1_000;
            tally.answered(status, micros, micros, false);
            return status >= 200 && status <= 299;
        } catch (IOException e) {
            discard();
            tally.failed(aborted ? new SocketTimeoutException("no answer within the timeout") : e);
            return false;
        } catch (HttpException malformed) {
            discard();
            tally.failed(new IOException(malformed)); // counted as other, as HttpClient's ProtocolException is
            return false;
        } finally {
            sentNanos = 0;
            aborted = false;
        }
    }

    /**
     * Closes the connection when its request has waited longer than {@code timeoutNanos}, or whenever {@code cancelled}:
     * the user's blocked read or connect then fails, counted as a timeout. Called by the watchdog's thread.
     */
    void abortIfOverdue(long nowNanos, long timeoutNanos, boolean cancelled) {
        long sent = sentNanos;
        var open = socket;
        if (sent != 0 && open != null && (cancelled || nowNanos - sent > timeoutNanos) && sentNanos == sent) {
            aborted = true;
            try {
                open.close();
            } catch (IOException ignored) {
                // it failed on its own meanwhile
            }
        }
    }

    private void connect() throws IOException {
        var socket = new Socket();
        this.socket = socket; // before connect: the watchdog bounds a connect that hangs too
        try {
            socket.setTcpNoDelay(true);
            // no socket timeout and no connect timeout: both would turn every blocking call into a non-blocking one
            // and a poll; the watchdog bounds them instead
            socket.connect(address);
            var bound = https ? LoopbackTls.acceptingAnyCertificate().getSocketFactory().createSocket(socket, host, address.getPort(), true) : socket;
            connection.bind(bound);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public void close() {
        socket = null;
        try {
            connection.close();
        } catch (IOException ignored) {
            // closing what the server closed
        }
    }

    /** After a failure: closed, and a fresh connection object, so nothing left in its buffers goes out on the next socket. */
    private void discard() {
        socket = null;
        connection.close(CloseMode.IMMEDIATE);
        connection = new DefaultBHttpClientConnection(Http1Config.DEFAULT);
    }
}
