package org.benchtarget.bench.survey;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import org.benchtarget.bench.verify.ClientTransport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One respondent, as seed 001's browser robot: starts a survey, reads each page's questions from
 * its HTML (the data attributes of each question), answers every required question and about
 * half of the optional ones with valid values, follows the 303s to the done page. Black-box: it
 * needs only the base URL. Not thread-safe: one robot per simulated user.
 */
public final class SurveyRobot implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern RESPONSE = Pattern.compile("name=\"response\" value=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern ACTION = Pattern.compile("<form class=\"survey\" method=\"post\" action=\"([^\"]+)\"");
    private static final Pattern QUESTION = Pattern.compile("data-field=\"(q\\d+)\" data-kind=\"(\\w+)\" data-required=\"(true|false)\""
            + " data-min=\"(-?\\d+)\" data-max=\"(-?\\d+)\" data-maxlength=\"(\\d+)\"");

    private final URI base;
    private final HttpClient client;
    private final SurveyAnswers answers;
    private int attempts = 1;
    private long retries;

    public SurveyRobot(URI base, long seed) {
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
        this.client = ClientTransport.newClient()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
                .build();
        this.answers = new SurveyAnswers(new SplittableRandom(seed));
    }

    /**
     * Makes every request of {@link #complete} try up to {@code attempts} times when the connection fails
     * or the answer is 502/503/504, as a browser user pressing reload would: the response token makes a
     * repeated page, the last one included, store nothing twice.
     */
    public SurveyRobot retrying(int attempts) {
        this.attempts = Math.max(1, attempts);
        return this;
    }

    /** Returns how many requests were sent again so far. */
    public long retries() {
        return retries;
    }

    /** A completed survey: its done page URL, answer rows sent, and each page's time (POST plus the GET it leads to). */
    public record Completion(int surveyId, String token, String doneUrl, int answerRows, List<Long> pageNanos) {
    }

    /** A page of a survey as served: where it posts, its tokens and its questions. */
    public record Page(String action, String response, String csrf, List<Field> fields) {
    }

    /** One question of a page: field name, kind, bounds and the option values offered. */
    public record Field(String name, String kind, boolean required, int min, int max, int maxLength, List<String> options) {
    }

    /** The unexpected answer that made a completion fail. */
    public static final class Failure extends Exception {
        public Failure(String message) {
            super(message);
        }
    }

    /** Completes survey {@code surveyId} from the start; with {@code resubmitLast} also posts the last page twice and expects the same done page. */
    public Completion complete(int surveyId, boolean resubmitLast) throws Failure, IOException, InterruptedException {
        var start = retry(() -> get("/surveys/" + surveyId));
        expect(start.statusCode() == 200, "GET /surveys/%d: status %d", surveyId, start.statusCode());
        var page = parse(start.body());
        var pageNanos = new ArrayList<Long>();
        int answerRows = 0;
        while (true) {
            var form = new StringBuilder();
            form.append("response=").append(encode(page.response())).append("&csrf=").append(encode(page.csrf()));
            answerRows += answer(page, form);
            long began = System.nanoTime();
            var action = page.action();
            var posted = retry(() -> post(action, form.toString()));
            expect(posted.statusCode() == 303, "POST %s: status %d: %s", page.action(), posted.statusCode(), firstLine(posted.body()));
            var location = posted.headers().firstValue("Location").orElse("");
            var next = retry(() -> get(location));
            pageNanos.add(System.nanoTime() - began);
            expect(next.statusCode() == 200, "GET %s: status %d", location, next.statusCode());
            if (location.contains("/done?")) {
                expect(next.body().contains("Thank you"), "%s: no thank-you", location);
                if (resubmitLast) {
                    var again = retry(() -> post(action, form.toString()));
                    expect(again.statusCode() == 303 && location.equals(again.headers().firstValue("Location").orElse("")),
                            "last page again: status %d, Location %s", again.statusCode(), again.headers().firstValue("Location").orElse(""));
                }
                return new Completion(surveyId, page.response(), location, answerRows, pageNanos);
            }
            page = parse(next.body());
        }
    }

    /** Returns the page's form, tokens and questions as this robot reads them. */
    public static Page parse(String html) throws Failure {
        var response = find(RESPONSE, html, "no response token");
        var csrf = find(CSRF, html, "no CSRF token");
        var action = find(ACTION, html, "no survey form");
        var fields = new ArrayList<Field>();
        var matcher = QUESTION.matcher(html);
        while (matcher.find()) {
            var name = matcher.group(1);
            var options = new ArrayList<String>();
            var option = Pattern.compile("name=\"" + name + "\" value=\"(\\d+)\"").matcher(html);
            while (option.find()) {
                options.add(option.group(1));
            }
            fields.add(new Field(name, matcher.group(2), matcher.group(3).equals("true"), Integer.parseInt(matcher.group(4)),
                    Integer.parseInt(matcher.group(5)), Integer.parseInt(matcher.group(6)), options));
        }
        if (fields.isEmpty()) {
            throw new Failure("a survey page without questions");
        }
        return new Page(action, response, csrf, fields);
    }

    /** Appends valid answers to {@code form}; returns the answer rows they make (one per chosen option). */
    int answer(Page page, StringBuilder form) {
        return answers.append(page, form);
    }

    @FunctionalInterface
    private interface Exchange {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    private HttpResponse<String> retry(Exchange exchange) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                var response = exchange.send();
                int status = response.statusCode();
                if (attempt >= attempts || (status != 502 && status != 503 && status != 504)) {
                    return response;
                }
            } catch (IOException e) {
                if (attempt >= attempts) {
                    throw e;
                }
            }
            retries++;
            Thread.sleep(Math.min(2_000, 100L * attempt));
        }
    }

    public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(TIMEOUT).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.US_ASCII)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        client.close();
    }

    private static String find(Pattern pattern, String html, String missing) throws Failure {
        Matcher matcher = pattern.matcher(html);
        if (!matcher.find()) {
            throw new Failure(missing);
        }
        return matcher.group(1);
    }

    private static String firstLine(String body) {
        var line = body.lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, 120) : line;
    }

    private static void expect(boolean condition, String message, Object... args) throws Failure {
        if (!condition) {
            throw new Failure(String.format(message, args));
        }
    }
}
