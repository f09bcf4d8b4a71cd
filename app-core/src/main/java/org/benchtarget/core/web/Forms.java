package org.benchtarget.core.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads an {@code application/x-www-form-urlencoded} body strictly: another content type is 415,
 * a body over {@link #MAX_FORM_BYTES} is 413, malformed encoding is 400.
 */
public final class Forms {
    /** The largest form any page posts (a 2,000-character item body, encoded) with room to spare. */
    public static final int MAX_FORM_BYTES = 64 * 1024;

    private Forms() {
    }

    public static QueryParams read(WebRequest request) throws IOException {
        var type = request.header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new HttpProblem(415, "expected Content-Type application/x-www-form-urlencoded");
        }
        var body = request.body(MAX_FORM_BYTES);
        for (byte b : body) {
            if (b < 0) {
                throw HttpProblem.badRequest("form body has unencoded non-ASCII bytes");
            }
        }
        return QueryParams.parse(new String(body, StandardCharsets.US_ASCII));
    }
}
