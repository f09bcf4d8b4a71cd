package org.benchtarget.bench.verify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;

/**
 * Requests as bytes on a fresh connection, for input no HTTP client would send (broken request lines,
 * bad escapes, raw bytes, conflicting lengths). Each request asks for {@code Connection: close} or is
 * malformed, so the answer is read to the end of the stream. Thread-safe (no state but the address).
 */
final class RawHttp {
    static final int TIMEOUT_MILLIS = 10_000;
    private static final int MAX_ANSWER = 4 * 1024 * 1024;

    private final URI base;
    /** How long an answer or a close may take; a server waiting for a body that never comes closes at its idle timeout. */
    private volatile int timeoutMillis = TIMEOUT_MILLIS;

    RawHttp(URI base) {
        this.base = base;
    }

    /** Returns a request head: the line, then {@code Host}, the headers given, and {@code Connection: close}. */
    static String head(String requestLine, String... headerLines) {
        var text = new StringBuilder(requestLine).append("\r\nHost: verify\r\n");
        for (var line : headerLines) {
            text.append(line).append("\r\n");
        }
        return text.append("Connection: close\r\n\r\n").toString();
    }

    /** Sends {@code bytes} and reads the answer; status -1 when the server closed (or reset) without one. */
    HttpProbe.Response exchange(byte[] bytes) throws IOException {
        try (var socket = open()) {
            try {
                socket.getOutputStream().write(bytes);
                socket.getOutputStream().flush();
            } catch (SocketException refusedMidway) {
                // a server that answers 413/431 early may close before it read everything: read what it said
            }
            return parse(readAll(socket.getInputStream()));
        }
    }

    HttpProbe.Response exchange(String latin1) throws IOException {
        return exchange(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Waits at least {@code idleTimeout} plus 5 s for an answer or a close (never less than 10 s). */
    void allowIdleTimeout(java.time.Duration idleTimeout) {
        timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(TIMEOUT_MILLIS, idleTimeout.plusSeconds(5).toMillis()));
    }

    Socket open() throws IOException {
        return ClientTransport.socket(base, timeoutMillis);
    }

    /**
     * Reads one answer: until it is complete (its head, then Content-Length bytes or the last chunk) or the server
     * closes. A server may keep the connection open after a complete answer despite {@code Connection: close}
     * in an odd request (a second Connection header, say): that is its right, not a hang.
     */
    static byte[] readAll(InputStream in) throws IOException {
        var out = new ByteArrayOutputStream();
        var buffer = new byte[8192];
        try {
            int n;
            while (out.size() < MAX_ANSWER && !complete(out.toByteArray()) && (n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // closed by a reset: what arrived before it is the answer
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException("no answer and no close before the socket timeout");
        }
        return out.toByteArray();
    }

    /** Returns whether {@code bytes} hold a whole final answer (1xx answers are read past). */
    static boolean complete(byte[] bytes) {
        var text = new String(bytes, StandardCharsets.ISO_8859_1);
        int start = 0;
        while (true) {
            int end = text.indexOf("\r\n\r\n", start);
            if (end < 0) {
                return false;
            }
            var head = text.substring(start, end).toLowerCase(Locale.ROOT);
            if (head.matches("(?s)http/1\\.\\d 1\\d\\d.*")) {
                start = end + 4; // 100 Continue and friends: the final answer follows
                continue;
            }
            int body = end + 4;
            var length = java.util.regex.Pattern.compile("(?m)^content-length:\\s*(\\d{1,9})\\s*$").matcher(head);
            if (length.find()) {
                return bytes.length - body >= Integer.parseInt(length.group(1));
            }
            if (head.contains("transfer-encoding: chunked")) {
                return text.indexOf("\r\n0\r\n\r\n", body - 2) >= 0;
            }
            return head.matches("(?s)http/1\\.\\d (204|304).*"); // otherwise the body ends with the connection
        }
    }

    /** Parses the first response in {@code bytes}; status -1 for none, -2 for bytes that are not an HTTP response. */
    static HttpProbe.Response parse(byte[] bytes) {
        var text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (bytes.length == 0) {
            return new HttpProbe.Response(-1, java.util.Map.of(), new byte[0]);
        }
        var lines = (end < 0 ? text : text.substring(0, end)).split("\r\n");
        var statusLine = lines[0].split(" ");
        if (!statusLine[0].startsWith("HTTP/") || statusLine.length < 2 || !statusLine[1].matches("\\d{3}")) {
            return new HttpProbe.Response(-2, java.util.Map.of(":status-line", lines[0]), bytes);
        }
        var headers = headers(lines);
        var body = end < 0 ? new byte[0] : Arrays.copyOfRange(bytes, end + 4, bytes.length);
        var length = headers.get("content-length");
        if (length != null && length.matches("\\d+") && Integer.parseInt(length) < body.length) {
            body = Arrays.copyOf(body, Integer.parseInt(length));
        }
        return new HttpProbe.Response(Integer.parseInt(statusLine[1]), headers, body);
    }

    /** Returns a response head's lines as headers: {@code :status-line}, then each name (lower case) to its first value. */
    static LinkedHashMap<String, String> headers(String[] lines) {
        var headers = new LinkedHashMap<String, String>();
        headers.put(":status-line", lines[0]);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
        }
        return headers;
    }
}
