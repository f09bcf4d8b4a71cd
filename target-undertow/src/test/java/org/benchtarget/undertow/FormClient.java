package org.benchtarget.undertow;

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
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A small browser for tests: keeps cookies, posts urlencoded forms, never follows redirects. Not thread-safe. */
final class FormClient {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    FormClient(URI base) {
        this.base = base;
    }

    record Reply(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            var values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        int queryCount() {
            return Integer.parseInt(header("x-query-count"));
        }

        /** Returns the first CSRF token on the page. */
        String csrf() {
            var matcher = CSRF.matcher(body);
            if (!matcher.find()) {
                throw new AssertionError("no CSRF field in: " + body);
            }
            return matcher.group(1);
        }

        int count(String text) {
            int count = 0;
            for (int at = body.indexOf(text); at >= 0; at = body.indexOf(text, at + text.length())) {
                count++;
            }
            return count;
        }
    }

    FormClient cookie(String name, String value) {
        if (value == null) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
        return this;
    }

    String cookie(String name) {
        return cookies.get(name);
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    /** POSTs name, value, name, value... as an urlencoded form. */
    Reply post(String path, String... pairs) throws IOException, InterruptedException {
        var form = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            form.append(i == 0 ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        var response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        for (var setCookie : response.headers().allValues("set-cookie")) {
            var pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            var name = pair.substring(0, eq).strip();
            cookie(name, setCookie.contains("Max-Age=0") ? null : pair.substring(eq + 1));
        }
        var headers = new LinkedHashMap<String, List<String>>();
        response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values));
        return new Reply(response.statusCode(), headers, response.body());
    }
}
