package org.benchtarget.undertow;

import org.benchtarget.bench.survey.SurveyRobot;
import org.benchtarget.core.App;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.db.Database;
import org.benchtarget.db.DbConfig;
import org.benchtarget.db.DbKind;
import org.benchtarget.db.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The survey flow over real HTTP against Undertow, on H2 and PostgreSQL: completion, every bad
 * input of the issue (its status, and nothing stored), exactly-once completion also from
 * concurrent connections, and a draft that outlives a restart.
 */
class SurveyFlowIT {

    private static UndertowServer start(DbConfig db, String... knobs) {
        var sets = new ArrayList<>(List.of("host=127.0.0.1", "port=0"));
        sets.addAll(SettingsParser.dbKnobs(db));
        sets.addAll(List.of(knobs));
        var settings = SettingsParser.parse("undertow-nio", Map.of(), sets);
        return UndertowServer.newServer(App.create(settings), settings).start();
    }

    private static URI base(UndertowServer server) {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void everySurveyCompletesAndTheResultsCountIt(DbKind kind) throws Exception {
        var db = TestDatabases.fresh(kind);
        try (var server = start(db); var robot = new SurveyRobot(base(server), 7); var tables = new Tables(db)) {
            int rows = 0;
            for (int id = 1; id <= 7; id++) {
                rows += robot.complete(id, false).answerRows();
                assertThat(robot.get("/surveys/" + id + "/results").body()).startsWith("{\"survey\":" + id + ",\"completed\":1,");
            }
            assertThat(tables.count("survey_response")).isEqualTo(7);
            assertThat(tables.count("survey_answer")).isEqualTo(rows);
            assertThat(tables.count("survey_draft")).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void badInputIsRefusedAndStoresNothing(DbKind kind) throws Exception {
        var db = TestDatabases.fresh(kind);
        try (var server = start(db); var robot = new SurveyRobot(base(server), 8); var tables = new Tables(db)) {
            var page = SurveyRobot.parse(robot.get("/surveys/5").body());
            robot.get("/surveys/5");
            tables.expectNothingStored("two GETs of page 1");
            var token = "response=" + SurveyRobot.encode(page.response());
            var csrf = "&csrf=" + SurveyRobot.encode(page.csrf());
            var post = new Poster(robot, tables);

            post.expect(404, "/surveys/99/pages/1", token + csrf, "unknown survey");
            post.expect(404, "/surveys/5/pages/5", token + csrf, "unknown page");
            post.expect(404, "/surveys/5/pages/0", token + csrf, "page 0");
            post.expect(404, "/surveys/5/pages/one", token + csrf, "page not a number");
            post.expect(400, "/surveys/5/pages/1", "response=AAAAAAAAAAAAAAAAAAAAAA.forged" + csrf, "forged response token");
            post.expect(400, "/surveys/5/pages/1", "response=" + csrf, "empty response token");
            post.expect(400, "/surveys/5/pages/1", csrf.substring(1), "missing response token");
            post.expect(400, "/surveys/4/pages/1", token + csrf, "response token of another survey");
            post.expect(400, "/surveys/5/pages/1", token + "&" + token + csrf, "response token twice");
            post.expect(403, "/surveys/5/pages/1", token, "missing CSRF token");
            post.expect(403, "/surveys/5/pages/1", token + "&csrf=", "empty CSRF token");
            post.expect(403, "/surveys/5/pages/1", token + "&csrf=wrong", "wrong CSRF token");
            var other = SurveyRobot.parse(robot.get("/surveys/5").body());
            post.expect(403, "/surveys/5/pages/1", token + "&csrf=" + SurveyRobot.encode(other.csrf()), "CSRF token of another response");
            post.expect(409, "/surveys/5/pages/2", token + csrf, "page 2 before page 1");
            post.expect(409, "/surveys/5/pages/4", token + csrf, "last page before page 1");
            post.expect(400, "/surveys/5/pages/1", token + csrf + "&q9999=1", "a field of no question");
            post.expect(400, "/surveys/5/pages/1", token + csrf + "&q501=%zz", "malformed percent-encoding");
            post.expect(400, "/surveys/5/pages/1", token + csrf + "&q501=%FF", "invalid UTF-8");
            post.expectRaw(415, "/surveys/5/pages/1", "text/plain", token + csrf, "not a form");
            post.expectRaw(413, "/surveys/5/pages/1", "application/x-www-form-urlencoded", token + csrf + "&q501=" + "a".repeat(70_000), "body over the limit");

            var fields = page.fields();
            assertThat(fields).extracting(SurveyRobot.Field::kind).contains("single", "multiple", "text", "number", "rating");
            for (var variant : List.of(1, 2)) {
                var form = new StringBuilder(token + csrf);
                for (var field : fields) {
                    form.append(invalid(field, variant));
                }
                var response = robot.post("/surveys/5/pages/1", form.toString());
                assertThat(response.statusCode()).as("invalid answers, variant %d", variant).isEqualTo(400);
                assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
                var html = response.body();
                for (var field : fields) {
                    assertThat(html).as("message next to %s", field.name())
                            .containsPattern("id=\"" + field.name() + "-question\"[^>]*>(?:(?!</fieldset>)[\\s\\S])*<p class=\"error\" id=\"" + field.name() + "-error\">");
                }
                assertThat(html).contains(page.response(), page.csrf());
                tables.expectNothingStored("invalid answers, variant " + variant);
            }
            var missing = robot.post("/surveys/5/pages/1", token + csrf);
            assertThat(missing.statusCode()).isEqualTo(400);
            assertThat(missing.body()).contains("Please answer this question.");
            tables.expectNothingStored("required answers missing");

            // a valid page 1, then bad input on page 2 leaves the draft as it was
            var valid = new StringBuilder(token + csrf);
            for (var field : fields) {
                valid.append(validAnswer(field));
            }
            assertThat(robot.post("/surveys/5/pages/1", valid.toString()).statusCode()).isEqualTo(303);
            var draft = tables.draft(page.response());
            var page2 = SurveyRobot.parse(robot.get("/surveys/5/pages/2?" + token).body());
            var kept = new StringBuilder(token + csrf);
            for (var field : page2.fields()) {
                kept.append(field.kind().equals("text") ? "&" + field.name() + "=" + "x".repeat(field.maxLength() + 1) : validAnswer(field));
            }
            var invalid = robot.post("/surveys/5/pages/2", kept.toString());
            assertThat(invalid.statusCode()).isEqualTo(400);
            assertThat(robot.post("/surveys/5/pages/3", token + csrf).statusCode()).as("page 3 before page 2").isEqualTo(409);
            assertThat(tables.draft(page.response())).isEqualTo(draft);
            assertThat(tables.count("survey_response")).isZero();
            assertThat(robot.get("/surveys/5/pages/4?" + token).statusCode()).as("GET of a later page: 303 to the first incomplete").isEqualTo(303);
            assertThat(robot.get("/surveys/5/done?" + token).statusCode()).as("done page before completion").isEqualTo(404);
            assertThat(robot.get("/surveys/5/done?response=x.y").statusCode()).isEqualTo(400);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void theLastPageStoresOnceAlsoFromConcurrentConnections(DbKind kind) throws Exception {
        var db = TestDatabases.fresh(kind);
        try (var server = start(db); var robot = new SurveyRobot(base(server), 9); var tables = new Tables(db)) {
            var sequential = robot.complete(2, true);
            assertThat(tables.count("survey_response")).isEqualTo(1);
            long answers = tables.count("survey_answer");
            assertThat(answers).isEqualTo(sequential.answerRows());

            for (int round = 0; round < 5; round++) {
                var last = lastPageForm(robot, 2);
                int connections = 8;
                var ready = new CountDownLatch(connections);
                var results = new ArrayList<Future<HttpResponse<String>>>();
                try (var pool = Executors.newFixedThreadPool(connections)) {
                    for (int i = 0; i < connections; i++) {
                        var client = new SurveyRobot(base(server), i);
                        results.add(pool.submit(() -> {
                            try (client) {
                                ready.countDown();
                                ready.await();
                                return client.post(last.action(), last.form());
                            }
                        }));
                    }
                }
                for (var result : results) {
                    var response = result.get();
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
                    assertThat(response.headers().firstValue("Location")).hasValue("/surveys/2/done?response=" + last.token());
                }
                assertThat(tables.count("survey_response")).isEqualTo(2 + round);
                assertThat(tables.countWhere("survey_response", "response_token", last.token())).isEqualTo(1);
                assertThat(tables.count("survey_answer")).isEqualTo(answers + (round + 1) * (long) last.rows());
                assertThat(tables.count("survey_draft")).isZero();
            }
            assertThat(robot.get("/surveys/2/results").body()).startsWith("{\"survey\":2,\"completed\":6,");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aDraftOutlivesARestart(DbKind kind) throws Exception {
        var db = TestDatabases.fresh(kind);
        SurveyRobot.Page page;
        try (var server = start(db); var robot = new SurveyRobot(base(server), 10)) {
            page = SurveyRobot.parse(robot.get("/surveys/1").body());
            var form = new StringBuilder("response=" + SurveyRobot.encode(page.response()) + "&csrf=" + SurveyRobot.encode(page.csrf()));
            for (var field : page.fields()) {
                form.append(validAnswer(field));
            }
            assertThat(robot.post("/surveys/1/pages/1", form.toString()).statusCode()).isEqualTo(303);
        }
        try (var server = start(db, "cache=data"); var robot = new SurveyRobot(base(server), 11); var tables = new Tables(db)) {
            var page2 = robot.get("/surveys/1/pages/2?response=" + SurveyRobot.encode(page.response()));
            assertThat(page2.statusCode()).isEqualTo(200);
            var last = SurveyRobot.parse(page2.body());
            var form = new StringBuilder("response=" + SurveyRobot.encode(last.response()) + "&csrf=" + SurveyRobot.encode(last.csrf()));
            for (var field : last.fields()) {
                form.append(validAnswer(field));
            }
            var done = robot.post("/surveys/1/pages/2", form.toString());
            assertThat(done.statusCode()).isEqualTo(303);
            assertThat(tables.count("survey_response")).isEqualTo(1);
            assertThat(robot.get("/surveys").headers().firstValue("X-Query-Count")).as("cache=data: definitions from Caffeine").hasValue("0");
        }
    }

    /** The last page of a response whose other pages are done, ready to post; {@code rows}: answer rows of the whole response. */
    private record LastPage(String action, String token, String form, int rows) {
    }

    private static LastPage lastPageForm(SurveyRobot robot, int surveyId) throws Exception {
        var page = SurveyRobot.parse(robot.get("/surveys/" + surveyId).body());
        int rows = 0;
        while (true) {
            var form = new StringBuilder("response=" + SurveyRobot.encode(page.response()) + "&csrf=" + SurveyRobot.encode(page.csrf()));
            for (var field : page.fields()) {
                form.append(validAnswer(field));
                rows++;
            }
            if (page.action().endsWith("/pages/3")) { // survey 2 has three pages
                return new LastPage(page.action(), page.response(), form.toString(), rows);
            }
            var next = robot.post(page.action(), form.toString());
            assertThat(next.statusCode()).isEqualTo(303);
            page = SurveyRobot.parse(robot.get(next.headers().firstValue("Location").orElseThrow()).body());
        }
    }

    /** One valid answer (a single row) for any question. */
    private static String validAnswer(SurveyRobot.Field field) {
        var value = switch (field.kind()) {
            case "number" -> Integer.toString(field.max());
            case "text" -> "fine";
            default -> field.options().get(field.options().size() - 1);
        };
        return "&" + field.name() + "=" + value;
    }

    /** An answer the page must refuse, two ways per kind. */
    private static String invalid(SurveyRobot.Field field, int variant) {
        var name = "&" + field.name() + "=";
        return switch (field.kind()) {
            case "single" -> variant == 1 ? name + "99" : name + "1" + name + "2";
            case "multiple" -> variant == 1 ? name + "1" + name + "1" : name + "0";
            case "text" -> variant == 1 ? name + "y".repeat(field.maxLength() + 1) : name + "a" + name + "b";
            case "number" -> variant == 1 ? name + (field.max() + 1) : name + "twelve";
            default -> variant == 1 ? name + "6" : name + "1" + name + "5";
        };
    }

    /** Posts bad input and checks its status, its one-line reason and that nothing was stored. */
    private record Poster(SurveyRobot robot, Tables tables) {
        void expect(int status, String path, String form, String what) throws Exception {
            var response = robot.post(path, form);
            check(status, response, what);
        }

        void expectRaw(int status, String path, String contentType, String form, String what) throws Exception {
            try (var client = HttpClient.newHttpClient()) {
                var request = HttpRequest.newBuilder(URI.create(robot.get("/hello").uri().resolve(path).toString()))
                        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(form)).build();
                check(status, client.send(request, HttpResponse.BodyHandlers.ofString()), what);
            }
        }

        private void check(int status, HttpResponse<String> response, String what) throws SQLException {
            assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(status);
            assertThat(response.headers().firstValue("Content-Type")).as(what).hasValue("text/plain; charset=utf-8");
            assertThat(response.body().strip()).as(what).isNotEmpty().doesNotContain("\n");
            tables.expectNothingStored(what);
        }
    }

    /** Direct reads of the survey tables. */
    static final class Tables implements AutoCloseable {
        private final com.zaxxer.hikari.HikariDataSource dataSource;

        Tables(DbConfig db) {
            this.dataSource = Database.open(db);
        }

        long count(String table) throws SQLException {
            return scalar("SELECT COUNT(*) FROM " + table);
        }

        long scalar(String sql) throws SQLException {
            try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                 var rows = statement.executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            }
        }

        long countWhere(String table, String column, String value) throws SQLException {
            try (var connection = dataSource.getConnection();
                 var statement = connection.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?")) {
                statement.setString(1, value);
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        }

        /** Returns the draft row as text (pages done and answers), or null. */
        String draft(String token) throws SQLException {
            try (var connection = dataSource.getConnection();
                 var statement = connection.prepareStatement("SELECT pages_done, answers, updated_at FROM survey_draft WHERE response_token = ?")) {
                statement.setString(1, token);
                try (var rows = statement.executeQuery()) {
                    return rows.next() ? rows.getInt(1) + " " + rows.getString(2) + " " + rows.getObject(3) : null;
                }
            }
        }

        void expectNothingStored(String what) throws SQLException {
            assertThat(count("survey_draft")).as(what + ": drafts").isZero();
            assertThat(count("survey_response")).as(what + ": responses").isZero();
            assertThat(count("survey_answer")).as(what + ": answers").isZero();
        }

        @Override
        public void close() {
            dataSource.close();
        }
    }
}
