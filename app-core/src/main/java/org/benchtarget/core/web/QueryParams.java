package org.benchtarget.core.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strictly parsed query string or urlencoded form: malformed percent-encoding or invalid UTF-8
 * is a 400, never silently replaced. Immutable.
 */
public final class QueryParams {
    /** Longer query strings answer 414: nothing in the contract needs more. */
    public static final int MAX_QUERY_LENGTH = 4_096;
    public static final QueryParams EMPTY = new QueryParams(Map.of());

    private final Map<String, List<String>> values;

    private QueryParams(Map<String, List<String>> values) {
        this.values = values;
    }

    public static QueryParams ofQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return EMPTY;
        }
        if (rawQuery.length() > MAX_QUERY_LENGTH) {
            throw new HttpProblem(414, "query string longer than " + MAX_QUERY_LENGTH + " characters");
        }
        return parse(rawQuery);
    }

    /** Parses {@code application/x-www-form-urlencoded} text (a query string or a form body). */
    public static QueryParams parse(String encoded) {
        var values = new LinkedHashMap<String, List<String>>();
        for (var pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            var name = decode(eq < 0 ? pair : pair.substring(0, eq));
            var value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return new QueryParams(values);
    }

    /** Returns the single value of {@code name}, null when absent; given twice is a 400. */
    public String single(String name) {
        var list = values.get(name);
        if (list == null) {
            return null;
        }
        if (list.size() > 1) {
            throw HttpProblem.badRequest(name + " given more than once");
        }
        return list.get(0);
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    public java.util.Set<String> names() {
        return values.keySet();
    }

    private static String decode(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        var bytes = ByteBuffer.allocate(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                bytes.put((byte) ' ');
            } else if (c == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0 || Character.digit(text.charAt(i + 2), 16) < 0) {
                    throw HttpProblem.badRequest("malformed percent-encoding in query or form");
                }
                bytes.put((byte) Integer.parseInt(text, i + 1, i + 3, 16));
                i += 2;
            } else if (c > 0x7f) {
                throw HttpProblem.badRequest("unencoded non-ASCII character in query or form");
            } else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw HttpProblem.badRequest("query or form is not valid UTF-8");
        }
    }
}
