package org.benchtarget.bench.verify;

import java.util.Locale;

import static org.benchtarget.bench.verify.Check.expect;

/**
 * What an answer to bad input may be (CONTRACT: a 4xx with a one-line reason, never a 5xx, never a
 * half-written answer), shared by the bad-input and security checks. Stateless.
 */
final class Answers {
    private Answers() {
    }

    /** A refusal: a 4xx (408, 413, 431 ...) with a proper body, or the connection closed without an answer. */
    static void refused(String what, HttpProbe.Response response) {
        expect(response.status() != -2, "%s: not an HTTP answer: %s", what, response.headers().get(":status-line"));
        expect(response.status() == -1 || (response.status() >= 400 && response.status() < 500),
                "%s: status %d, expected a 4xx or a close", what, response.status());
        wellFormed(what, response);
    }

    /** Anything but a server error: the target may also accept input that is only unusual. */
    static void notServerError(String what, HttpProbe.Response response) {
        expect(response.status() >= 200 && response.status() < 500, "%s: status %d, expected no 5xx and an answer", what, response.status());
        wellFormed(what, response);
    }

    /**
     * A 4xx body is empty, one line of text/plain, or one of the app's own HTML pages (the sign-in form
     * with its error, a survey page with its messages: they carry the app's Content-Security-Policy,
     * which a server's stock error page does not).
     */
    static void wellFormed(String what, HttpProbe.Response response) {
        if (response.status() < 400 || response.body().length == 0) {
            return;
        }
        var type = String.valueOf(response.header("content-type")).toLowerCase(Locale.ROOT);
        var text = response.text();
        if (type.startsWith("text/html") && response.header("content-security-policy") != null) {
            return;
        }
        expect(type.startsWith("text/plain"), "%s: a %d answered as %s, expected a one-line text/plain reason: %s",
                what, response.status(), type, Leaks.abbreviate(text));
        var line = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        expect(!line.isBlank() && line.indexOf('\n') < 0 && line.length() <= 500, "%s: the reason is not one line: %s", what, Leaks.abbreviate(text));
    }
}
