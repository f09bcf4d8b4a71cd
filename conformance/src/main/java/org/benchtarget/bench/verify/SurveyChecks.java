package org.benchtarget.bench.verify;

import org.benchtarget.bench.survey.SurveyRobot;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

import static org.benchtarget.bench.verify.Check.expect;

/**
 * CONTRACT's survey rows (seed 001) as black-box checks: the list, starting a response, completing
 * one survey with the robot, exactly-once on a repeated last page, the results JSON, and bad input
 * (each answered with its 4xx and nothing stored, as the results count shows).
 */
public final class SurveyChecks {
    private static final Pattern COMPLETED = Pattern.compile("^\\{\"survey\":(\\d+),\"completed\":(\\d+),");
    private static final String HTML = "text/html; charset=utf-8";

    private final URI base;

    public SurveyChecks(URI base) {
        this.base = base;
    }

    public List<Check> checks() {
        return List.of(
                new Check("surveys: HTML list of the seven, each linking its start and results", this::list),
                new Check("survey start: page 1 with a new response token and a CSRF token on every GET", this::start),
                new Check("survey completion: 303 page to page, done page, results +1; the last page again stores nothing, same done page", this::complete),
                new Check("survey results: JSON {\"survey\":ID,\"completed\":N,...} with per-question tallies", this::results),
                new Check("survey bad input: 404 unknown survey or page, 400 forged token, 403 CSRF, 409 out of order, 400 per-field messages, nothing stored", this::badInput));
    }

    private void list() throws Exception {
        try (var robot = new SurveyRobot(base, 1)) {
            var response = robot.get("/surveys");
            expect(response.statusCode() == 200, "status %d", response.statusCode());
            expect(ContractChecks.sameMediaType(HTML, response.headers().firstValue("Content-Type").orElse("")), "content type %s", response.headers().firstValue("Content-Type"));
            for (int id = 1; id <= 7; id++) {
                expect(response.body().contains("href=\"/surveys/" + id + "\""), "no link to survey %d", id);
                expect(response.body().contains("href=\"/surveys/" + id + "/results\""), "no link to the results of survey %d", id);
            }
            expect(!response.body().contains("href=\"/surveys/8\""), "an eighth survey");
        }
    }

    private void start() throws Exception {
        try (var robot = new SurveyRobot(base, 2)) {
            var first = robot.get("/surveys/3");
            var second = robot.get("/surveys/3");
            expect(first.statusCode() == 200 && second.statusCode() == 200, "status %d, %d", first.statusCode(), second.statusCode());
            var page = SurveyRobot.parse(first.body());
            var again = SurveyRobot.parse(second.body());
            expect(page.action().equals("/surveys/3/pages/1"), "form posts to %s", page.action());
            expect(!page.response().equals(again.response()), "two starts gave the same response token");
            expect(page.response().length() >= 22, "response token of %d characters: guessable", page.response().length());
            expect(!page.fields().isEmpty(), "page 1 has no questions");
        }
    }

    private void complete() throws Exception {
        try (var robot = new SurveyRobot(base, 3)) {
            long before = completed(robot, 2);
            var completion = robot.complete(2, true);
            expect(completed(robot, 2) == before + 1, "results: completed went from %d to %d", before, completed(robot, 2));
            var done = robot.get(completion.doneUrl());
            expect(done.statusCode() == 200 && ContractChecks.sameMediaType(HTML, done.headers().firstValue("Content-Type").orElse("")), "done page: status %d", done.statusCode());
            var forged = robot.get("/surveys/2/done?response=" + SurveyRobot.encode(completion.token() + "x"));
            expect(forged.statusCode() == 400, "done page of a forged token: status %d", forged.statusCode());
        }
    }

    private void results() throws Exception {
        try (var robot = new SurveyRobot(base, 4)) {
            var response = robot.get("/surveys/5/results");
            expect(response.statusCode() == 200, "status %d", response.statusCode());
            expect(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), "content type %s",
                    response.headers().firstValue("Content-Type"));
            var json = response.body();
            expect(COMPLETED.matcher(json).find() && json.startsWith("{\"survey\":5,"), "not {\"survey\":5,\"completed\":N,...}: %.80s", json);
            for (var kind : List.of("single", "multiple", "text", "number", "rating")) {
                expect(json.contains("\"kind\":\"" + kind + "\""), "no %s question in the tallies", kind);
            }
            expect(robot.get("/surveys/99/results").statusCode() == 404, "results of survey 99: not 404");
        }
    }

    private void badInput() throws Exception {
        try (var robot = new SurveyRobot(base, 5)) {
            long before = completed(robot, 4);
            for (var path : List.of("/surveys/99", "/surveys/0", "/surveys/abc", "/surveys/4/pages/9?response=x", "/surveys/4/pages/0?response=x")) {
                var response = robot.get(path);
                expect(response.statusCode() == 404, "GET %s: status %d", path, response.statusCode());
            }
            var page = SurveyRobot.parse(robot.get("/surveys/4").body());
            var token = "&response=" + SurveyRobot.encode(page.response());
            var csrf = "&csrf=" + SurveyRobot.encode(page.csrf());
            expectStatus(robot, "/surveys/4/pages/9", "x=1" + token + csrf, 404, "unknown page");
            expectStatus(robot, "/surveys/99/pages/1", "x=1" + token + csrf, 404, "unknown survey");
            expectStatus(robot, "/surveys/4/pages/1", "response=AAAA.BBBB" + csrf, 400, "forged response token");
            expectStatus(robot, "/surveys/4/pages/1", "x=1" + csrf, 400, "missing response token");
            expectStatus(robot, "/surveys/5/pages/1", "x=1" + token + csrf, 400, "response token of another survey");
            expectStatus(robot, "/surveys/4/pages/1", "x=1" + token, 403, "missing CSRF token");
            expectStatus(robot, "/surveys/4/pages/1", "x=1" + token + "&csrf=wrong", 403, "wrong CSRF token");
            expectStatus(robot, "/surveys/4/pages/2", "x=1" + token + csrf, 409, "page 2 before page 1");
            var invalid = robot.post("/surveys/4/pages/1", token.substring(1) + csrf);
            expect(invalid.statusCode() == 400, "page 1 without its required answers: status %d", invalid.statusCode());
            expect(ContractChecks.sameMediaType(HTML, invalid.headers().firstValue("Content-Type").orElse("")), "page 1 without answers: not the page again");
            long required = page.fields().stream().filter(SurveyRobot.Field::required).count();
            long messages = invalid.body().split("class=\"error\"", -1).length - 1;
            expect(messages == required, "%d required questions but %d messages", required, messages);
            expect(invalid.body().contains(page.response()), "the re-rendered page lost the response token");
            expectStatus(robot, "/surveys/4/pages/2", "x=1" + token + csrf, 409, "page 2 after an invalid page 1");
            expect(completed(robot, 4) == before, "bad input changed the results of survey 4");
        }
    }

    private static void expectStatus(SurveyRobot robot, String path, String form, int status, String what) throws Exception {
        var response = robot.post(path, form);
        expect(response.statusCode() == status, "%s: POST %s answered %d, expected %d", what, path, response.statusCode(), status);
        if (status != 400 || response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain")) {
            var body = response.body().strip();
            expect(!body.isEmpty() && !body.contains("\n") && body.length() < 200, "%s: not a one-line reason: '%.100s'", what, body);
        }
    }

    private static long completed(SurveyRobot robot, int surveyId) throws Exception {
        var json = robot.get("/surveys/" + surveyId + "/results").body();
        var matcher = COMPLETED.matcher(json);
        expect(matcher.find(), "results of survey %d: %.80s", surveyId, json);
        return Long.parseLong(matcher.group(2));
    }
}
