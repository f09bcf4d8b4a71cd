package org.benchtarget.bench.verify;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.benchtarget.bench.verify.Check.expect;

/**
 * A client that signs in the way a browser does (GET /login for the CSRF cookie and field, POST the
 * form) and then sends the session cookie, for checks that need one. Not thread-safe.
 */
final class Browser {
    static final String USER = "user1";
    static final String PASSWORD = "benchpass";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern RESPONSE = Pattern.compile("name=\"response\" value=\"([^\"]+)\"");

    private final URI base;
    private final HttpClient client = ClientTransport.newClient().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(TIMEOUT).build();
    private String cookies;

    Browser(URI base) {
        this.base = base;
    }

    /** Signs in as {@code user}; returns the sign-in answer (303 with the session cookie). */
    HttpProbe.Response signIn(String user) throws Exception {
        var form = get("/login");
        expect(form.status() == 200, "GET /login: %d", form.status());
        var token = csrf(form);
        cookies = "csrftoken=" + cookie(form, "csrftoken");
        var answer = post("/login", "csrf", token, "username", user, "password", PASSWORD);
        expect(answer.status() == 303, "signing in as %s: %d", user, answer.status());
        cookies = "sessionid=" + cookie(answer, "sessionid");
        return answer;
    }

    /** Returns the cookie header this browser sends ({@code sessionid=...} once signed in). */
    String cookies() {
        return cookies;
    }

    void cookies(String header) {
        this.cookies = header;
    }

    /** GETs {@code path}; one the HTTP client refuses to send (a malformed escape) goes as raw bytes. */
    HttpProbe.Response get(String path) throws IOException, InterruptedException {
        try {
            URI.create(base + path);
        } catch (IllegalArgumentException malformed) {
            var head = cookies == null ? RawHttp.head("GET " + path + " HTTP/1.1") : RawHttp.head("GET " + path + " HTTP/1.1", "Cookie: " + cookies);
            return new RawHttp(base).exchange(head);
        }
        return send(request(path).GET());
    }

    /** POSTs a urlencoded form of name/value pairs. */
    HttpProbe.Response post(String path, String... pairs) throws IOException, InterruptedException {
        return postRaw(path, "application/x-www-form-urlencoded", encode(pairs));
    }

    /** POSTs {@code body} as it is, with {@code contentType} (null: no Content-Type). */
    HttpProbe.Response postRaw(String path, String contentType, String body) throws IOException, InterruptedException {
        var request = request(path).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.ISO_8859_1));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    static String encode(String... pairs) {
        var form = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            form.append(i == 0 ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    static String csrf(HttpProbe.Response page) {
        return field(page, CSRF, "csrf");
    }

    static String responseToken(HttpProbe.Response page) {
        return field(page, RESPONSE, "response");
    }

    private static String field(HttpProbe.Response page, Pattern pattern, String name) {
        var matcher = pattern.matcher(page.text());
        expect(matcher.find(), "no %s field on the page (status %d)", name, page.status());
        return matcher.group(1);
    }

    /** Returns the value a {@code Set-Cookie} of the answer gives {@code name}, or null. */
    static String cookie(HttpProbe.Response answer, String name) {
        var all = answer.header("set-cookie");
        if (all == null) {
            return null;
        }
        for (var header : all.split("\n")) {
            if (header.startsWith(name + "=")) {
                var value = header.substring(name.length() + 1).split(";", 2)[0];
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
        return cookies == null ? builder : builder.header("Cookie", cookies);
    }

    private HttpProbe.Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        var response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        var headers = new LinkedHashMap<String, String>();
        // every Set-Cookie kept (one per line); other headers: the first value
        response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                name.equalsIgnoreCase("set-cookie") ? String.join("\n", values) : values.get(0)));
        return new HttpProbe.Response(response.statusCode(), headers, response.body());
    }

    static List<String> setCookies(HttpProbe.Response answer) {
        var all = answer.header("set-cookie");
        return all == null ? List.of() : List.of(all.split("\n"));
    }
}
