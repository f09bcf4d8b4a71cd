package org.benchtarget.bench.soak;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;

/**
 * Holds N keep-alive connections open at once on one selector thread (the JDK's non-blocking
 * sockets: a thread per connection would not fit 2,000 connections on 2 cores) and sends GET after
 * GET on each of them for a while: closed loop, one request in flight per connection. Counts every
 * answer by kind and every failure by kind: refused, reset, closed by the server, no answer in time.
 * Not thread-safe: one run per instance, on the calling thread.
 */
public final class ConnectionFlood {
    private static final int READ_BUFFER = 16 * 1024;

    /** What a run saw. {@code shed} are 503s with Retry-After: a target refusing work politely. */
    public record Result(int connections, int peakOpen, long responses, long ok, long shed, long serverErrors, long otherStatus,
                         long refused, long reset, long closed, long timeouts, double p99Millis, double maxMillis, Duration elapsed) {

        /** Returns the failures that break the contract: refused, reset, closed, no answer, 5xx other than a polite 503. */
        public long errors() {
            return refused + reset + closed + timeouts + serverErrors + otherStatus;
        }

        public String summary() {
            return String.format("%d connections (peak %d open): %d responses (%d ok, %d shed 503+Retry-After, %d other 5xx, %d other),"
                            + " %d refused, %d reset, %d closed, %d timed out; p99 %.0f ms, max %.0f ms, %.1f s",
                    connections, peakOpen, responses, ok, shed, serverErrors, otherStatus, refused, reset, closed, timeouts,
                    p99Millis, maxMillis, elapsed.toNanos() / 1e9);
        }
    }

    private final InetSocketAddress address;
    private final byte[] request;
    private final long timeoutNanos;
    private final Histogram latency = new Histogram(3_600_000_000_000L, 2);
    private long ok;
    private long shed;
    private long serverErrors;
    private long otherStatus;
    private long refused;
    private long reset;
    private long closed;
    private long timeouts;
    private int open;
    private int peakOpen;

    private ConnectionFlood(URI base, String path, Duration timeout) {
        this.address = new InetSocketAddress(base.getHost(), base.getPort());
        this.request = ("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        this.timeoutNanos = timeout.toNanos();
    }

    /**
     * Opens {@code connections} connections to {@code base}, keeps each busy with GET {@code path} for
     * {@code hold}, then lets the last answers arrive (at most {@code timeout}) and closes them all.
     * A request unanswered after {@code timeout} counts as timed out; a connection lost is reopened.
     */
    public static Result run(URI base, String path, int connections, Duration hold, Duration timeout) throws IOException {
        return new ConnectionFlood(base, path, timeout).flood(connections, hold);
    }

    private Result flood(int connections, Duration hold) throws IOException {
        long began = System.nanoTime();
        long stopAt = began + hold.toNanos();
        var all = new ArrayList<Connection>(connections);
        try (var selector = Selector.open()) {
            for (int i = 0; i < connections; i++) {
                var connection = new Connection();
                all.add(connection);
                connection.open(selector);
            }
            boolean stopping = false;
            long drainUntil = Long.MAX_VALUE;
            while (true) {
                long now = System.nanoTime();
                if (!stopping && now - stopAt >= 0) {
                    stopping = true;
                    drainUntil = now + timeoutNanos;
                }
                if (stopping && (now - drainUntil >= 0 || all.stream().noneMatch(Connection::busy))) {
                    break;
                }
                selector.select(50);
                var keys = selector.selectedKeys();
                for (var key : keys) {
                    ((Connection) key.attachment()).ready(key, selector, stopping);
                }
                keys.clear();
                now = System.nanoTime();
                for (var connection : all) {
                    if (connection.busy() && now - connection.sentAt > timeoutNanos) {
                        timeouts++;
                        connection.lost(selector, stopping);
                    }
                }
            }
            for (var connection : all) {
                if (connection.busy()) {
                    timeouts++;
                }
                connection.close();
            }
        }
        return new Result(connections, peakOpen, latency.getTotalCount(), ok, shed, serverErrors, otherStatus, refused, reset, closed,
                timeouts, latency.getValueAtPercentile(99) / 1e6, latency.getMaxValue() / 1e6, Duration.ofNanos(System.nanoTime() - began));
    }

    /** One connection: connect, write a request, read its answer, repeat. */
    private final class Connection {
        private SocketChannel channel;
        private ByteBuffer in = ByteBuffer.allocate(READ_BUFFER);
        private ByteBuffer out;
        private long sentAt;
        private boolean connected;
        private boolean inFlight;

        void open(Selector selector) throws IOException {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            in.clear();
            inFlight = false;
            connected = false;
            sentAt = System.nanoTime();
            if (channel.connect(address)) {
                connected();
                send(selector);
            } else {
                channel.register(selector, SelectionKey.OP_CONNECT, this);
            }
        }

        /** Returns whether a request (or a connect) waits for an answer. */
        boolean busy() {
            return channel != null && (inFlight || !connected);
        }

        void ready(SelectionKey key, Selector selector, boolean stopping) {
            try {
                if (key.isConnectable()) {
                    channel.finishConnect();
                    connected();
                    if (stopping) {
                        key.interestOps(0);
                        return;
                    }
                    send(selector);
                } else if (key.isWritable()) {
                    write(key);
                } else if (key.isReadable()) {
                    read(key, selector, stopping);
                }
            } catch (ConnectException e) {
                refused++;
                channel = closeQuietly(channel);
            } catch (IOException e) {
                reset++;
                lost(selector, stopping);
            }
        }

        private void connected() {
            connected = true;
            open++;
            peakOpen = Math.max(peakOpen, open);
        }

        private void send(Selector selector) throws IOException {
            out = ByteBuffer.wrap(request);
            sentAt = System.nanoTime();
            inFlight = true;
            channel.write(out);
            channel.register(selector, out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ, this);
        }

        private void write(SelectionKey key) throws IOException {
            channel.write(out);
            if (!out.hasRemaining()) {
                key.interestOps(SelectionKey.OP_READ);
            }
        }

        private void read(SelectionKey key, Selector selector, boolean stopping) throws IOException {
            if (!in.hasRemaining()) {
                in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
            }
            int read = channel.read(in);
            if (read < 0) {
                // The server closed the connection: a loss if a request was waiting, else an idle close.
                if (inFlight) {
                    closed++;
                }
                lost(selector, stopping);
                return;
            }
            var answer = HttpAnswer.parse(in.array(), in.position());
            if (answer == null) {
                return;
            }
            inFlight = false;
            latency.recordValue(Math.max(0, System.nanoTime() - sentAt));
            count(answer);
            in.clear();
            if (answer.close()) {
                lost(selector, stopping);
            } else if (stopping) {
                key.interestOps(0);
            } else {
                send(selector);
            }
        }

        private void count(HttpAnswer answer) {
            if (answer.status() >= 200 && answer.status() < 400) {
                ok++;
            } else if (answer.status() == 503 && answer.retryAfter()) {
                shed++;
            } else if (answer.status() >= 500) {
                serverErrors++;
            } else {
                otherStatus++;
            }
        }

        /** Drops this connection and, unless stopping, opens a new one in its place. */
        void lost(Selector selector, boolean stopping) {
            close();
            if (!stopping) {
                try {
                    open(selector);
                } catch (IOException e) {
                    refused++;
                    channel = null;
                }
            }
        }

        void close() {
            if (channel != null && connected) {
                open--;
            }
            inFlight = false;
            channel = closeQuietly(channel);
        }
    }

    private static SocketChannel closeQuietly(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a broken socket: nothing left to do
            }
        }
        return null;
    }
}
