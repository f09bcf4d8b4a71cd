package org.benchtarget.bench.soak;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An HTTP/1.1 response read off a buffer by {@link ConnectionFlood}: just enough to know where it
 * ends (Content-Length or chunked) and what it said. {@link #parse} returns null while incomplete.
 */
record HttpAnswer(int status, boolean retryAfter, boolean close) {

    /** Returns the answer when {@code bytes[0..length)} hold a whole response, else null. */
    static HttpAnswer parse(byte[] bytes, int length) {
        int headEnd = indexOf(bytes, 0, length, "\r\n\r\n");
        if (headEnd < 0) {
            return null;
        }
        var head = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1);
        var lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        long contentLength = 0;
        boolean chunked = false;
        boolean retryAfter = false;
        boolean close = lines[0].startsWith("HTTP/1.0");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon < 0) {
                continue;
            }
            var name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            var value = lines[i].substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "retry-after" -> retryAfter = true;
                case "connection" -> close = value.contains("close") || (close && !value.contains("keep-alive"));
                default -> { }
            }
        }
        int bodyStart = headEnd + 4;
        boolean complete = chunked ? chunkedEnd(bytes, bodyStart, length) >= 0 : length - bodyStart >= contentLength;
        return complete ? new HttpAnswer(status, retryAfter, close) : null;
    }

    /** Returns the end of a chunked body starting at {@code from}, or -1 when not all of it is here. */
    private static int chunkedEnd(byte[] bytes, int from, int length) {
        int at = from;
        while (true) {
            int lineEnd = indexOf(bytes, at, length, "\r\n");
            if (lineEnd < 0) {
                return -1;
            }
            var sizeText = new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int semicolon = sizeText.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeText : sizeText.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                int trailerEnd = indexOf(bytes, lineEnd, length, "\r\n\r\n");
                return trailerEnd < 0 ? -1 : trailerEnd + 4;
            }
            at = lineEnd + 2 + size + 2;
            if (at > length) {
                return -1;
            }
        }
    }

    private static int indexOf(byte[] bytes, int from, int length, String needle) {
        outer:
        for (int i = from; i <= length - needle.length(); i++) {
            for (int j = 0; j < needle.length(); j++) {
                if (bytes[i + j] != needle.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
