package org.benchtarget.bench.verify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.benchtarget.bench.verify.Check.expect;

/**
 * What no answer may show: stack traces, SQL or driver messages, and credentials (a {@code password=}
 * value, or the target's secret and database password when the checks were told them). Immutable.
 */
final class Leaks {
    /** Stack frames, exception names and the database's own words: an error path that says too much. */
    private static final Pattern INTERNALS = Pattern.compile(
            "(\\bat (java|jdk|org|io|com|sun)\\.[\\w.$]+\\()|(\\w+(Exception|Error): )|(Caused by)|(java\\.lang\\.)|(\\borg\\.(h2|postgresql|eclipse|springframework|hibernate)\\.)"
                    + "|(SQLException|SQLState|syntax error at|JdbcSQL)|(\\bSELECT\\b.+\\bFROM\\b)|(\\bINSERT INTO\\b)|(\\bUPDATE\\b.+\\bSET\\b)|(\\bDELETE FROM\\b)|(jdbc:)|(HikariPool)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CREDENTIALS = Pattern.compile("(password|passwd|pwd)\"?\\s*[=:]\\s*\"?(?!\\(set\\)|\"|,|\\s|$)[^\\s\",;&]+",
            Pattern.CASE_INSENSITIVE);

    private final List<String> secrets;

    /** {@code secrets}: values that must appear nowhere (blank ones are ignored). */
    Leaks(String... secrets) {
        var known = new ArrayList<String>();
        for (var secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                known.add(secret);
            }
        }
        this.secrets = List.copyOf(known);
    }

    /**
     * Fails unless an error answer's body is free of internals and credentials; {@code what} names the
     * request, payload included, so that an answer echoing the payload is not taken for a leak.
     */
    void errorAnswer(String what, HttpProbe.Response response) {
        var body = new String(response.body(), StandardCharsets.UTF_8);
        var internals = INTERNALS.matcher(body);
        var sent = what.toLowerCase(java.util.Locale.ROOT);
        while (internals.find()) {
            // an answer may echo what was sent ("no such resource: '1 UNION SELECT ...'"): that is no leak
            var found = internals.group().replace('+', ' ').toLowerCase(java.util.Locale.ROOT);
            if (!sent.contains(found)) {
                throw new AssertionError(what + ": the answer shows internals ('" + internals.group() + "'): " + abbreviate(body));
            }
        }
        anyAnswer(what, response);
    }

    /** Fails if any answer (headers or body) shows a credential. */
    void anyAnswer(String what, HttpProbe.Response response) {
        var text = response.headers() + "\n" + new String(response.body(), StandardCharsets.UTF_8);
        var credential = CREDENTIALS.matcher(text);
        if (credential.find()) {
            throw new AssertionError(what + ": the answer shows a credential ('" + credential.group() + "')");
        }
        for (var secret : secrets) {
            expect(!text.contains(secret), "%s: the answer shows a configured secret", what);
        }
    }

    static String abbreviate(String text) {
        var line = text.replace("\r", "\\r").replace("\n", "\\n");
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }
}
