package org.benchtarget.bench.verify;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.benchtarget.bench.verify.Check.expect;

/**
 * The one path rule (README, "Paths"), as a table of request targets sent raw, byte for byte, each with the
 * status every target and mode must answer; and traversal attempts of which none may reach a file outside
 * {@code /static}. Thread-safe (no state but the address).
 */
final class PathChecks {
    /** A request target and the answer it must get: a status, and for a 200 the path whose answer it must equal. */
    record Row(String target, int status, String sameAs) {
        static Row ok(String target, String sameAs) {
            return new Row(target, 200, sameAs);
        }

        static Row status(String target, int status) {
            return new Row(target, status, null);
        }
    }

    static final List<Row> TABLE = List.of(
            // percent-encoded unreserved characters are decoded, then routed
            Row.ok("/hell%6f", "/hello"),
            Row.ok("/hell%6F", "/hello"),
            Row.ok("/%68%65%6c%6c%6f%2e%74%78%74", "/hello.txt"),
            Row.ok("/hello%2Etxt", "/hello.txt"),
            Row.ok("/st%61tic/site%2ecss", "/static/site.css"),
            Row.ok("/surveys/%31", "/surveys/1"),
            // other escapes stay encoded: no route has them
            Row.status("/hello%3F", 404),
            Row.status("/hello%23", 404),
            Row.status("/hello%3B", 404),
            Row.status("/hello%20", 404),
            Row.status("/hello%25", 404),
            Row.status("/static/site.css%3F", 404),
            Row.status("/surveys/%31%3B", 404),
            Row.status("/caf%C3%A9", 404),
            Row.status("/static/%5c..%5chello.txt", 404),
            // an encoded '/' or control character
            Row.status("/surveys%2F1", 400),
            Row.status("/static%2fsite.css", 400),
            Row.status("/static/..%2fhello.txt", 400),
            Row.status("/hello%00", 400),
            Row.status("/hello.txt%00.css", 400),
            Row.status("/hello%0A", 400),
            // double encoding is decoded once only
            Row.status("/hell%256f", 404),
            Row.status("/static/%252e%252e/hello.txt", 404),
            Row.status("/static/%252e%252e%252fhello.txt", 404),
            // dot segments, raw or encoded
            Row.status("/static/../hello.txt", 400),
            Row.status("/static/./site.css", 400),
            Row.status("/./hello", 400),
            Row.status("/hello/.", 400),
            Row.status("/hello/..", 400),
            Row.status("/static/%2e%2e/hello.txt", 400),
            Row.status("/static/%2E%2E/hello.txt", 400),
            Row.status("/static/.%2e/hello.txt", 400),
            Row.status("/static/%2e/site.css", 400),
            Row.status("/surveys/1/%2e%2e/2", 400),
            // malformed escapes and bytes that are not UTF-8, overlong forms of '.' and '/' included
            Row.status("/hello%zz", 400),
            Row.status("/hello%2", 400),
            Row.status("/hello%", 400),
            Row.status("/static/%c0%ae%c0%ae/hello.txt", 400),
            Row.status("/static/%e0%80%ae%e0%80%ae/hello.txt", 400),
            Row.status("/static/%c0%afsite.css", 400),
            Row.status("/hello%ff", 400),
            // empty segments, trailing slashes and ;parameters are not normalised
            Row.status("//hello", 404),
            Row.status("//hello.txt", 404),
            Row.status("/static//site.css", 404),
            Row.status("/surveys//1", 404),
            Row.status("/hello/", 404),
            Row.status("/hello.txt/", 404),
            Row.status("/static/", 404),
            Row.status("/surveys/1/", 404),
            Row.status("/hello;x", 404),
            Row.status("/static/site.css;x", 404),
            Row.status("/static/..;/hello.txt", 404));

    /** Ways out of /static (and into the web app's or the JVM's files): none may answer with such a file. */
    static final List<String> TRAVERSALS = List.of("/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
            "/static/..%2f..%2f..%2f..%2fetc%2fpasswd", "/static/%252e%252e/%252e%252e/%252e%252e/etc/passwd",
            "/static/%c0%ae%c0%ae/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd", "/static/..%5c..%5c..%5c..%5cetc%5cpasswd",
            "/static/....//....//....//etc/passwd", "/../../../../etc/passwd", "/static//etc/passwd", "/static/%2fetc%2fpasswd",
            "/static/..;/..;/..;/..;/etc/passwd", "/hello.txt/../../../etc/passwd",
            "/static/../../pom.xml", "/static/../../../pom.xml", "/static/%2e%2e/%2e%2e/pom.xml", "/pom.xml",
            "/static/../org/benchtarget/core/App.class", "/static/../../org/benchtarget/core/App.class", "/org/benchtarget/core/App.class",
            "/static/%2e%2e/org/benchtarget/core/App.class", "/WEB-INF/web.xml", "/static/../WEB-INF/web.xml", "/static/%2e%2e/WEB-INF/web.xml",
            "/META-INF/MANIFEST.MF", "/static/../META-INF/MANIFEST.MF", "/public/index", "/static/../index", "/static/%2e%2e/public/index");
    /** What a file outside /static would show: /etc/passwd, a pom, a class file, web.xml, a jar manifest. */
    private static final List<String> SIGNS = List.of("root:x:0:", "<project", "\u00ca\u00fe\u00ba\u00be", "<web-app", "Manifest-Version");

    private final RawHttp raw;

    PathChecks(URI base) {
        this.raw = new RawHttp(base);
    }

    List<Check> checks() {
        return List.of(
                new Check("paths: one rule on every target (" + TABLE.size() + " raw targets): unreserved escapes decoded; dot segments, "
                        + "%2F, %00, bad escapes, overlong UTF-8 400; other escapes, double encoding, //, trailing / 404", this::table),
                new Check("paths: " + TRAVERSALS.size() + " traversal attempts, raw and encoded: none answers with a file outside /static",
                        this::traversals));
    }

    private void table() throws Exception {
        var wrong = new ArrayList<String>();
        for (var row : TABLE) {
            var answer = get(row.target());
            if (answer.status() != row.status()) {
                wrong.add("GET " + row.target() + ": " + answer.status() + ", expected " + row.status()
                        + (answer.status() >= 400 ? " (" + Leaks.abbreviate(answer.text().strip()) + ")" : ""));
            } else if (row.sameAs() != null) {
                var expected = get(row.sameAs());
                if (!String.valueOf(answer.header("content-type")).equals(String.valueOf(expected.header("content-type")))
                        || (staticFile(row.sameAs()) && !answer.text().equals(expected.text()))) {
                    wrong.add("GET " + row.target() + ": not the answer of " + row.sameAs());
                }
            } else {
                try {
                    Answers.wellFormed("GET " + row.target(), answer);
                } catch (AssertionError e) {
                    wrong.add(e.getMessage());
                }
            }
        }
        expect(wrong.isEmpty(), "%d of %d rows wrong:%n  %s", wrong.size(), TABLE.size(), String.join("\n  ", wrong));
    }

    private void traversals() throws Exception {
        var escaped = new ArrayList<String>();
        for (var target : TRAVERSALS) {
            var answer = get(target);
            var text = new String(answer.body(), StandardCharsets.ISO_8859_1);
            if (answer.status() == 200 || SIGNS.stream().anyMatch(text::contains)) {
                escaped.add("GET " + target + ": " + answer.status() + " " + Leaks.abbreviate(text.strip().toLowerCase(Locale.ROOT)));
            }
        }
        expect(escaped.isEmpty(), "answered with a file:%n  %s", String.join("\n  ", escaped));
    }

    private HttpProbe.Response get(String target) throws Exception {
        return raw.exchange(RawHttp.head("GET " + target + " HTTP/1.1"));
    }

    private static boolean staticFile(String path) {
        return path.equals("/hello.txt") || path.startsWith("/static/");
    }
}
