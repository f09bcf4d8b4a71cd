package org.benchtarget.core.web;

import java.io.IOException;
import java.io.InputStream;

/** Reads a request body stream up to a limit, for adapters' {@link WebRequest#body} implementations. */
public final class BodyLimit {
    private BodyLimit() {
    }

    /** Returns all bytes of {@code in}, or a 413 problem when there are more than {@code limit}. */
    public static byte[] read(InputStream in, long declaredLength, int limit) throws IOException {
        if (declaredLength > limit) {
            throw new HttpProblem(413, "request body larger than " + limit + " bytes");
        }
        var bytes = in.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new HttpProblem(413, "request body larger than " + limit + " bytes");
        }
        return bytes;
    }
}
