package org.benchtarget.core.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * An answer's bytes, kept in the parts a template wrote them in. Adapters write the parts one after the
 * other (a gathering write): joining a rendered page into one array cost {@code GET /} about a tenth of its
 * throughput (a 3.3 KB copy and the young collections its allocation brought on every request).
 * Immutable: nobody may change a part after the body is made.
 */
public final class Body {
    public static final Body EMPTY = new Body(List.of(), 0, false);

    /** Parts from this size (on average) go out as they are: a copy would cost more than the socket's one. */
    private static final int BLOCK_BYTES = 16 * 1024;

    private final List<byte[]> parts;
    private final int length;
    private final boolean chunked;

    private Body(List<byte[]> parts, int length, boolean chunked) {
        this.parts = parts;
        this.length = length;
        this.chunked = chunked;
    }

    public static Body of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Body(List.of(bytes), bytes.length, false);
    }

    /** {@code parts} is taken as it is, not copied: the caller hands it over. */
    static Body ofParts(List<byte[]> parts, int length) {
        return new Body(java.util.Collections.unmodifiableList(parts), length, false);
    }

    /**
     * A body of large parts (a part may recur: nobody changes them), sent as they are in one gathering write;
     * {@code chunked}: without Content-Length (chunked on HTTP/1.1, DATA frames without a length on h2).
     */
    public static Body ofBlocks(List<byte[]> parts, boolean chunked) {
        int length = 0;
        for (var part : parts) {
            length = Math.addExact(length, part.length);
        }
        return new Body(List.copyOf(parts), length, chunked);
    }

    /** Returns whether the adapter sends this body without Content-Length (GET /bytes/{n}?chunked=1). */
    public boolean chunked() {
        return chunked;
    }

    /** Returns whether the parts are large enough to go in one gathering write, uncopied (GET /bytes/{n}). */
    public boolean blocks() {
        return parts.size() > 1 && length / parts.size() >= BLOCK_BYTES;
    }

    public int length() {
        return length;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    /** The parts in order; none is empty unless the body is. */
    public List<byte[]> parts() {
        return parts;
    }

    /** Writes the parts in order to {@code out} (a servlet stream, which aggregates them); does not close it. */
    public void writeTo(OutputStream out) throws IOException {
        for (var part : parts) {
            out.write(part);
        }
    }

    /** All bytes in one array: the part itself for a body of one part, else a copy (for gzip, caches, tests). */
    public byte[] bytes() {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        var all = new byte[length];
        int at = 0;
        for (var part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
