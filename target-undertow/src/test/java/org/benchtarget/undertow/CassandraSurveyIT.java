package org.benchtarget.undertow;

import com.zaxxer.hikari.HikariDataSource;
import org.benchtarget.bench.survey.SurveyRobot;
import org.benchtarget.bench.verify.ContractChecks;
import org.benchtarget.cassandra.SharedNode;
import org.benchtarget.core.App;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.db.Database;
import org.benchtarget.db.DbConfig;
import org.benchtarget.db.DbKind;
import org.benchtarget.db.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * survey.store=cassandra over real HTTP against Undertow, on a real single-node Cassandra (one per test JVM,
 * a keyspace per test) with drafts in H2: the seven surveys, the last page stored once (again, and from eight
 * connections at once), and an outage: the node killed, the last page answers 503 with Retry-After and keeps
 * the draft, /health names Cassandra; the node back, the same POST completes once. And the conformance suite.
 */
class CassandraSurveyIT {
    private static final Pattern COMPLETED = Pattern.compile("\"completed\":(\\d+)");

    private static UndertowServer start(DbConfig db) throws Exception {
        var sets = new ArrayList<>(List.of("host=127.0.0.1", "port=0", "survey.store=cassandra",
                "cassandra.contact-points=" + SharedNode.get().contactPoint(),
                "cassandra.keyspace=t" + UUID.randomUUID().toString().replace("-", "").substring(0, 20)));
        sets.addAll(SettingsParser.dbKnobs(db));
        var settings = SettingsParser.parse("undertow-nio", Map.of(), sets);
        return UndertowServer.newServer(App.create(settings), settings).start();
    }

    private static URI base(UndertowServer server) {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    @Test
    void everySurveyCompletesOnceAndTheResultsComeFromCassandra() throws Exception {
        var db = TestDatabases.fresh(DbKind.H2);
        try (var server = start(db); var robot = new SurveyRobot(base(server), 7); var tables = new Drafts(db)) {
            for (int id = 1; id <= 7; id++) {
                robot.complete(id, true); // the last page twice: one response
                assertThat(robot.get("/surveys/" + id + "/results").body()).startsWith("{\"survey\":" + id + ",\"completed\":1,");
            }
            assertThat(tables.count("survey_response")).as("nothing in SQL").isZero();
            assertThat(tables.count("survey_draft")).isZero();
            var health = robot.get("/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"UP\",\"database\":\"UP\",\"cassandra\":\"UP\"}");

            for (int round = 0; round < 3; round++) {
                var last = lastPage(robot);
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
                assertThat(completed(robot, 2)).isEqualTo(2 + round);
            }
        }
    }

    @Test
    void theConformanceSuitePassesWithCassandra() throws Exception {
        try (var server = start(TestDatabases.fresh(DbKind.H2))) {
            var failures = new ContractChecks(base(server)).failures();
            assertThat(failures).as("contract checks").isEmpty();
        }
    }

    @Test
    void whileCassandraIsDownTheLastPageAnswers503AndKeepsTheDraftThenCompletesOnce() throws Exception {
        var db = TestDatabases.fresh(DbKind.H2);
        var node = SharedNode.get();
        try (var server = start(db); var robot = new SurveyRobot(base(server), 3); var tables = new Drafts(db)) {
            var last = lastPage(robot);
            var draft = tables.draft(last.token());
            assertThat(draft).isNotNull();
            node.kill(); // as a crash: the restart below replays its commit log
            try {
                var refused = robot.post(last.action(), last.form());
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
                assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
                assertThat(refused.body().strip()).doesNotContain("\n");
                assertThat(tables.draft(last.token())).as("the draft is kept").isEqualTo(draft);
                var health = robot.get("/health");
                assertThat(health.statusCode()).isEqualTo(503);
                assertThat(health.body()).startsWith("{\"status\":\"DOWN\",\"database\":\"UP\",\"cassandra\":\"DOWN\",\"reason\":\"cassandra: ");
                assertThat(robot.get("/hello").statusCode()).as("pages without Cassandra still served").isEqualTo(200);
                assertThat(robot.get("/surveys/2").statusCode()).isEqualTo(200);
            } finally {
                node.restart();
            }
            // the driver reconnects within seconds: until then 503, then the same POST completes
            HttpResponse<String> done = null;
            for (int attempt = 0; attempt < 240 && (done == null || done.statusCode() == 503); attempt++) {
                if (done != null) {
                    Thread.sleep(250);
                }
                done = robot.post(last.action(), last.form());
            }
            assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
            assertThat(done.headers().firstValue("Location")).hasValue("/surveys/2/done?response=" + last.token());
            assertThat(robot.post(last.action(), last.form()).statusCode()).isEqualTo(303);
            assertThat(completed(robot, 2)).isEqualTo(1);
            assertThat(tables.draft(last.token())).isNull();
            assertThat(robot.get("/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anUnreachableClusterStopsTheTargetWithOneLineAndExit2() throws Exception {
        int closed;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        var command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow()));
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow"); // as bench serve starts targets: no JDK warning on stderr
        }
        command.addAll(List.of("-jar", Path.of("target/benchtarget-undertow.jar").toAbsolutePath().toString(), "undertow-nio-cassandra",
                "--set", "port=0", "--set", "host=127.0.0.1", "--set", "cassandra.contact-points=127.0.0.1:" + closed));
        var process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        var stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(stderr).isEqualTo(2);
        assertThat(stderr.strip().lines()).as("one line on stderr").hasSize(1);
        var last = stderr.strip();
        assertThat(last).isEqualTo("benchtarget-undertow: survey.store=cassandra: cannot reach Cassandra at 127.0.0.1:" + closed
                + " (cassandra.contact-points; cassandra.local-dc=datacenter1): no contact point answered");
    }

    private static long completed(SurveyRobot robot, int surveyId) throws Exception {
        var matcher = COMPLETED.matcher(robot.get("/surveys/" + surveyId + "/results").body());
        assertThat(matcher.find()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    /** Survey 2's last page (its third) of a new response whose first two pages are posted, ready to post. */
    private record LastPage(String action, String token, String form) {
    }

    private static LastPage lastPage(SurveyRobot robot) throws Exception {
        var page = SurveyRobot.parse(robot.get("/surveys/2").body());
        while (true) {
            var form = new StringBuilder("response=" + SurveyRobot.encode(page.response()) + "&csrf=" + SurveyRobot.encode(page.csrf()));
            for (var field : page.fields()) {
                form.append('&').append(field.name()).append('=').append(switch (field.kind()) {
                    case "number" -> Integer.toString(field.min());
                    case "text" -> "fine";
                    default -> field.options().getFirst();
                });
            }
            if (page.action().endsWith("/pages/3")) {
                return new LastPage(page.action(), page.response(), form.toString());
            }
            var next = robot.post(page.action(), form.toString());
            assertThat(next.statusCode()).as(next.body()).isEqualTo(303);
            page = SurveyRobot.parse(robot.get(next.headers().firstValue("Location").orElseThrow()).body());
        }
    }

    /** Direct reads of the SQL survey tables. */
    private static final class Drafts implements AutoCloseable {
        private final HikariDataSource dataSource;

        Drafts(DbConfig db) {
            this.dataSource = Database.open(db);
        }

        long count(String table) throws SQLException {
            try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                 var rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rows.next();
                return rows.getLong(1);
            }
        }

        String draft(String token) throws SQLException {
            try (var connection = dataSource.getConnection();
                 var statement = connection.prepareStatement("SELECT pages_done, answers FROM survey_draft WHERE response_token = ?")) {
                statement.setString(1, token);
                try (var rows = statement.executeQuery()) {
                    return rows.next() ? rows.getInt(1) + " " + rows.getString(2) : null;
                }
            }
        }

        @Override
        public void close() {
            dataSource.close();
        }
    }
}
