package org.benchtarget.core.web;

/**
 * The one rule for request paths, the same on every target and mode (README, "Paths"). From the raw
 * path as the client sent it (still percent-encoded, without the query):
 * <ul>
 *     <li>percent-encoded unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) are decoded, as RFC 3986
 *     section 6.2.2.2 allows ({@code /hell%6f} is {@code /hello}); every other escape stays encoded, once
 *     (upper-case hex), so {@code %252e} is never a dot and an encoded reserved character never routes;</li>
 *     <li>400: a dot segment ({@code .} or {@code ..}, raw or encoded) anywhere, an encoded {@code /}
 *     ({@code %2F}), an encoded control character ({@code %00}-{@code %1F}, {@code %7F}), a malformed escape,
 *     an encoded byte sequence that is not UTF-8 (overlong forms such as {@code %c0%ae} included), a character
 *     RFC 3986 does not allow in a path, or a path that does not start with {@code /};</li>
 *     <li>nothing else is normalised: {@code //}, a trailing {@code /} and {@code ;params} are routed as they
 *     are (no route has them: 404).</li>
 * </ul>
 * Dot segments are refused rather than removed (RFC 3986 section 5.2.4 is how a client resolves a reference,
 * and clients send none): a proxy or server that would resolve them differently cannot route the request
 * elsewhere than the app, and no path can leave {@code /static/}. Stateless.
 */
public final class RequestPath {
    /** Characters allowed raw in a path: unreserved, sub-delims, ':', '@' and '/' (RFC 3986 section 3.3). */
    private static final boolean[] RAW = new boolean[128];
    private static final boolean[] UNRESERVED = new boolean[128];
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            UNRESERVED[c] = true;
            UNRESERVED[Character.toUpperCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            UNRESERVED[c] = true;
        }
        for (char c : "-._~".toCharArray()) {
            UNRESERVED[c] = true;
        }
        System.arraycopy(UNRESERVED, 0, RAW, 0, RAW.length);
        for (char c : "!$&'()*+,;=:@/".toCharArray()) {
            RAW[c] = true;
        }
    }

    private RequestPath() {
    }

    /**
     * Returns the path to route for {@code raw}: the same string when it has no escape, else with its
     * unreserved characters decoded. Throws a 400 {@link HttpProblem} with a one-line reason.
     */
    public static String route(String raw) {
        if (raw == null || raw.isEmpty() || raw.charAt(0) != '/') {
            throw HttpProblem.badRequest("bad path: it must start with '/'");
        }
        StringBuilder out = null;
        int segmentLength = 0;
        boolean segmentDots = true;
        int length = raw.length();
        for (int i = 0; i < length; i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (out == null) {
                    out = new StringBuilder(length).append(raw, 0, i);
                }
                int b = escaped(raw, i);
                if (b < 0x80 && UNRESERVED[b]) {
                    c = (char) b;
                    i += 2;
                } else {
                    int end = keepEscaped(raw, i, b, out);
                    segmentLength += end - i;
                    segmentDots = false;
                    i = end - 1;
                    continue;
                }
            } else if (c >= 128 || !RAW[c]) {
                throw HttpProblem.badRequest("bad path: character 0x" + Integer.toHexString(c) + " is not allowed in a path unencoded");
            }
            if (c == '/') {
                dotSegment(segmentLength, segmentDots);
                segmentLength = 0;
                segmentDots = true;
            } else {
                segmentLength++;
                segmentDots &= c == '.';
            }
            if (out != null) {
                out.append(c);
            }
        }
        dotSegment(segmentLength, segmentDots);
        return out == null ? raw : out.toString();
    }

    private static void dotSegment(int length, boolean dots) {
        if (dots && (length == 1 || length == 2)) {
            throw HttpProblem.badRequest("bad path: dot segments ('.' or '..', raw or encoded) are not allowed");
        }
    }

    /** Returns the byte of the escape at {@code i} ({@code %XX}). */
    private static int escaped(String raw, int i) {
        if (i + 2 >= raw.length()) {
            throw malformed();
        }
        int high = hexDigit(raw.charAt(i + 1));
        int low = hexDigit(raw.charAt(i + 2));
        if (high < 0 || low < 0) {
            throw malformed();
        }
        return high << 4 | low;
    }

    private static int hexDigit(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /**
     * Appends the escape at {@code i} (byte {@code b}, not unreserved) in upper case, with the continuation
     * escapes of a UTF-8 sequence; returns the index after them. Refuses %2F, controls and non-UTF-8.
     */
    private static int keepEscaped(String raw, int i, int b, StringBuilder out) {
        if (b == '/') {
            throw HttpProblem.badRequest("bad path: an encoded '/' (%2F) is not allowed");
        }
        if (b < 0x20 || b == 0x7f) {
            throw HttpProblem.badRequest("bad path: an encoded control character (%" + hex(b) + ") is not allowed");
        }
        int continuations;
        int min;
        int max = 0xbf;
        if (b < 0x80) {
            continuations = 0;
            min = 0;
        } else if (b >= 0xc2 && b <= 0xdf) {
            continuations = 1;
            min = 0x80;
        } else if (b >= 0xe0 && b <= 0xef) {
            continuations = 2;
            min = b == 0xe0 ? 0xa0 : 0x80; // E0 80..9F: overlong
            max = b == 0xed ? 0x9f : 0xbf; // ED A0..BF: surrogates
        } else if (b >= 0xf0 && b <= 0xf4) {
            continuations = 3;
            min = b == 0xf0 ? 0x90 : 0x80; // F0 80..8F: overlong
            max = b == 0xf4 ? 0x8f : 0xbf; // F4 90..: beyond U+10FFFF
        } else {
            throw notUtf8(); // C0, C1 (overlong), a lone continuation byte, F5..FF
        }
        out.append('%').append(hex(b));
        int at = i + 3;
        for (int n = 0; n < continuations; n++) {
            if (at >= raw.length() || raw.charAt(at) != '%') {
                throw notUtf8();
            }
            int next = escaped(raw, at);
            if (next < (n == 0 ? min : 0x80) || next > (n == 0 ? max : 0xbf)) {
                throw notUtf8();
            }
            out.append('%').append(hex(next));
            at += 3;
        }
        return at;
    }

    private static String hex(int b) {
        return new String(new char[] {HEX[b >> 4], HEX[b & 0xf]});
    }

    private static HttpProblem malformed() {
        return HttpProblem.badRequest("bad path: malformed percent-encoding (expected % and two hex digits)");
    }

    private static HttpProblem notUtf8() {
        return HttpProblem.badRequest("bad path: percent-encoded bytes that are not UTF-8 (overlong forms included)");
    }
}
