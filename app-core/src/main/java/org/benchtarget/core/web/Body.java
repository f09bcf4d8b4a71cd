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
    public static final Body EMPTY = new Body(List.of(), 0);

    private final List<byte[]> parts;
    private final int length;

    private Body(List<byte[]> parts, int length) {
        this.parts = parts;
        this.length = length;
    }

    public static Body of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Body(List.of(bytes), bytes.length);
    }

    /** {@code parts} is taken as it is, not copied: the caller hands it over. */
    static Body ofParts(List<byte[]> parts, int length) {
        return new Body(java.util.Collections.unmodifiableList(parts), length);
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
