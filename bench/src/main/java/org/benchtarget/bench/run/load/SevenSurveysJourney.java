package org.benchtarget.bench.run.load;

import org.benchtarget.bench.BenchException;
import org.benchtarget.bench.survey.SurveyAnswers;
import org.benchtarget.bench.survey.SurveyRobot;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Seed 001's user: completes the seven surveys in turn with valid dummy answers, page by page
 * (POST, then the GET it redirects to). A journey succeeds when every survey reached its done page.
 * {@code retry=N} (default 0) sends a request that failed in transit or got 502/503/504 again, up to N times
 * 200 ms apart, as a user would press reload: the draft is in the database, so any other host behind the
 * balancer takes the survey over, and a repeated last page stores nothing twice. Each failed try still
 * counts as an error.
 */
final class SevenSurveysJourney implements Journey {
    private static final long RETRY_PAUSE_MILLIS = 200;
    private final int surveys;
    private final int retries;

    SevenSurveysJourney(Map<String, String> parameters) {
        this.surveys = number(parameters, "surveys", "7", 1, 7);
        this.retries = number(parameters, "retry", "0", 0, 100);
    }

    private static int number(Map<String, String> parameters, String key, String fallback, int min, int max) {
        var text = parameters.getOrDefault(key, fallback);
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // the one-line error below
        }
        throw new BenchException("journey seven-surveys: " + key + "=" + text + ": expected " + key + "=" + min + ".." + max);
    }

    private interface Exchange {
        HttpSession.Response send() throws IOException;
    }

    private HttpSession.Response withRetries(Exchange exchange) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                var response = exchange.send();
                if (attempt >= retries || (response.status() != 502 && response.status() != 503 && response.status() != 504)) {
                    return response;
                }
            } catch (IOException e) {
                if (attempt >= retries) {
                    throw e;
                }
            }
            try {
                Thread.sleep(RETRY_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted between retries");
            }
        }
    }

    @Override
    public boolean run(HttpSession session) throws IOException {
        var answers = new SurveyAnswers(new SplittableRandom(ThreadLocalRandom.current().nextLong()));
        for (int id = 1; id <= surveys; id++) {
            if (!complete(session, answers, id)) {
                return false;
            }
        }
        return true;
    }

    private boolean complete(HttpSession session, SurveyAnswers answers, int surveyId) throws IOException {
        var start = withRetries(() -> session.get("/surveys/" + surveyId));
        if (start.status() != 200) {
            return false;
        }
        try {
            var page = SurveyRobot.parse(start.body());
            while (true) {
                var form = new StringBuilder("response=").append(SurveyRobot.encode(page.response()))
                        .append("&csrf=").append(SurveyRobot.encode(page.csrf()));
                answers.append(page, form);
                var action = page.action();
                var posted = withRetries(() -> session.postEncoded(action, form.toString()));
                if (posted.status() != 303 || posted.location() == null) {
                    return false;
                }
                var next = withRetries(() -> session.get(posted.location()));
                if (next.status() != 200) {
                    return false;
                }
                if (posted.location().contains("/done?")) {
                    return true;
                }
                page = SurveyRobot.parse(next.body());
            }
        } catch (SurveyRobot.Failure unreadable) {
            return false;
        }
    }
}
