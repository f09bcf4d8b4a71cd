package org.benchtarget.core.payload;

import org.benchtarget.core.web.Body;
import org.benchtarget.core.web.HttpProblem;
import org.benchtarget.core.web.QueryParams;
import org.benchtarget.core.web.WebResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * GET /bytes/{n}[?chunked=1]: n bytes (0 to 10 MiB) of fixed pseudo-random content, for payload-size sweeps across
 * protocols. Byte i is {@code BLOCK[i % 65536]}, where {@code BLOCK[k]} is the low byte of the (k+1)-th xorshift32
 * state from {@code 0x2545F491} ({@code x ^= x << 13; x ^= x >>> 17; x ^= x << 5}, 32-bit): README publishes the rule
 * and digests. Random bytes, so that neither gzip nor a TLS record compresses the sweep away. One 64 KiB block is
 * made once and sent as often as needed, uncopied. Never touches the database. Immutable, thread-safe.
 */
public final class Bytes {
    public static final int MAX = 10 * 1024 * 1024;
    static final int BLOCK_SIZE = 64 * 1024;
    private static final int SEED = 0x2545F491;
    private static final byte[] BLOCK = block();

    private Bytes() {
    }

    public static WebResult answer(String n, QueryParams query) {
        for (var name : query.names()) {
            if (!name.equals("chunked")) {
                throw HttpProblem.badRequest("unknown parameter '" + clip(name) + "' (/bytes/{n} takes chunked=1)");
            }
        }
        var chunked = query.single("chunked");
        if (chunked != null && !chunked.equals("1") && !chunked.equals("0")) {
            throw HttpProblem.badRequest("chunked=" + clip(chunked) + ": expected 1 (chunked) or 0 (Content-Length)");
        }
        return WebResult.ok("application/octet-stream", body(length(n), "1".equals(chunked)));
    }

    static Body body(int length, boolean chunked) {
        var parts = new ArrayList<byte[]>(length / BLOCK_SIZE + 1);
        for (int i = 0; i < length / BLOCK_SIZE; i++) {
            parts.add(BLOCK);
        }
        if (length % BLOCK_SIZE > 0) {
            parts.add(Arrays.copyOf(BLOCK, length % BLOCK_SIZE));
        }
        return parts.isEmpty() ? Body.EMPTY : Body.ofBlocks(List.copyOf(parts), chunked);
    }

    private static int length(String n) {
        if (!n.matches("\\d{1,8}") || Integer.parseInt(n) > MAX) {
            throw HttpProblem.badRequest("bytes '" + clip(n) + "': expected a number of bytes from 0 to " + MAX + " (10 MiB)");
        }
        return Integer.parseInt(n);
    }

    static byte[] block() {
        var block = new byte[BLOCK_SIZE];
        int x = SEED;
        for (int k = 0; k < BLOCK_SIZE; k++) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            block[k] = (byte) x;
        }
        return block;
    }

    private static String clip(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "...";
    }
}
