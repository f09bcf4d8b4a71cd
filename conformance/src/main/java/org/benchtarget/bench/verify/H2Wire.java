package org.benchtarget.bench.verify;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/2 frames on a raw connection (RFC 9113), for what no client library sends: a broken preface, streams opened
 * and reset as fast as possible (rapid reset). Prior knowledge in the clear (h2c), ALPN h2 over TLS. One thread.
 */
final class H2Wire implements AutoCloseable {
    static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    static final int DATA = 0x0;
    static final int HEADERS = 0x1;
    static final int RST_STREAM = 0x3;
    static final int SETTINGS = 0x4;
    static final int GOAWAY = 0x7;
    static final int SETTINGS_MAX_CONCURRENT_STREAMS = 0x3;
    private static final int END_STREAM_END_HEADERS = 0x5;
    private static final int CANCEL = 0x8;

    /** A frame as read: type, flags, stream and payload. */
    record Frame(int type, int flags, int stream, byte[] payload) {
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final boolean tls;

    private H2Wire(Socket socket, boolean tls) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.tls = tls;
    }

    /** Opens a connection that speaks h2 from its first byte: ALPN h2 over TLS, prior knowledge in the clear. */
    static H2Wire open(URI base, int timeoutMillis) throws IOException {
        boolean tls = "https".equalsIgnoreCase(base.getScheme());
        var plain = new Socket(base.getHost(), base.getPort());
        plain.setSoTimeout(timeoutMillis);
        if (!tls) {
            return new H2Wire(plain, false);
        }
        try {
            var context = ClientTransport.current().ssl() != null ? ClientTransport.current().ssl() : SSLContext.getDefault();
            var socket = (SSLSocket) context.getSocketFactory().createSocket(plain, base.getHost(), base.getPort(), true);
            var parameters = socket.getSSLParameters();
            parameters.setApplicationProtocols(new String[] {"h2"});
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            if (!"h2".equals(socket.getApplicationProtocol())) {
                socket.close();
                throw new IOException("the server did not choose h2 by ALPN (chose '" + socket.getApplicationProtocol() + "')");
            }
            return new H2Wire(socket, true);
        } catch (java.security.GeneralSecurityException e) {
            plain.close();
            throw new IOException(e);
        }
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The client preface and an empty SETTINGS frame. */
    void preface() throws IOException {
        var bytes = new ByteArrayOutputStream();
        bytes.writeBytes(PREFACE);
        bytes.writeBytes(frame(SETTINGS, 0, 0, new byte[0]));
        write(bytes.toByteArray());
    }

    /** A GET of {@code path} on {@code stream} (HPACK: static-table names, literal values, never indexed). */
    byte[] get(int stream, String path) {
        var block = new ByteArrayOutputStream();
        block.write(0x82); // :method GET
        block.write(tls ? 0x87 : 0x86); // :scheme https / http
        literal(block, 4, path); // :path
        literal(block, 1, "verify"); // :authority
        return frame(HEADERS, END_STREAM_END_HEADERS, stream, block.toByteArray());
    }

    /** RST_STREAM CANCEL on {@code stream}. */
    static byte[] reset(int stream) {
        return frame(RST_STREAM, 0, stream, new byte[] {0, 0, 0, CANCEL});
    }

    /** Reads the next frame; null when the server closed the connection (or reset it). */
    Frame read() throws IOException {
        try {
            int length = in.readUnsignedShort() << 8 | in.readUnsignedByte();
            int type = in.readUnsignedByte();
            int flags = in.readUnsignedByte();
            int stream = in.readInt() & 0x7fffffff;
            var payload = in.readNBytes(length);
            if (payload.length < length) {
                return null;
            }
            return new Frame(type, flags, stream, payload);
        } catch (EOFException | SocketException e) {
            return null;
        } catch (javax.net.ssl.SSLException e) {
            return null; // the server closed the TLS session under us
        }
    }

    /** Reads until a frame of {@code type} or the end; a timeout is an error (neither came). */
    Frame readUntil(int type) throws IOException {
        while (true) {
            Frame frame;
            try {
                frame = read();
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no " + type + " frame and no close before the socket timeout");
            }
            if (frame == null || frame.type() == type) {
                return frame;
            }
        }
    }

    /** Returns the value of {@code id} in a SETTINGS frame's payload, or -1 when absent. */
    static long setting(Frame settings, int id) {
        var payload = settings.payload();
        for (int i = 0; i + 6 <= payload.length; i += 6) {
            int key = (payload[i] & 0xff) << 8 | payload[i + 1] & 0xff;
            if (key == id) {
                return ((long) (payload[i + 2] & 0xff) << 24) | (payload[i + 3] & 0xff) << 16 | (payload[i + 4] & 0xff) << 8 | payload[i + 5] & 0xff;
            }
        }
        return -1;
    }

    static byte[] frame(int type, int flags, int stream, byte[] payload) {
        var frame = new byte[9 + payload.length];
        frame[0] = (byte) (payload.length >>> 16);
        frame[1] = (byte) (payload.length >>> 8);
        frame[2] = (byte) payload.length;
        frame[3] = (byte) type;
        frame[4] = (byte) flags;
        frame[5] = (byte) (stream >>> 24 & 0x7f);
        frame[6] = (byte) (stream >>> 16);
        frame[7] = (byte) (stream >>> 8);
        frame[8] = (byte) stream;
        System.arraycopy(payload, 0, frame, 9, payload.length);
        return frame;
    }

    /** Literal header field without indexing, name from the static table (RFC 7541 6.2.2); values under 127 bytes. */
    private static void literal(ByteArrayOutputStream block, int nameIndex, String value) {
        var bytes = value.getBytes(StandardCharsets.US_ASCII);
        block.write(nameIndex);
        block.write(bytes.length);
        block.writeBytes(bytes);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
