package org.benchtarget.jetty;

import org.benchtarget.bench.survey.SurveyRobot;
import org.benchtarget.bench.verify.ContractChecks;
import org.benchtarget.cassandra.SharedNode;
import org.benchtarget.core.App;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.db.DbKind;
import org.benchtarget.db.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * survey.store=cassandra through the Servlet target (jetty-threads) on a real single-node Cassandra: the conformance
 * suite, the seven surveys with the last page posted twice, and one last page from eight connections at once.
 */
class JettyCassandraIT {
    private static final Pattern COMPLETED = Pattern.compile("\"completed\":(\\d+)");

    @Test
    void conformsAndStoresEachCompletionOnce() throws Exception {
        var sets = new ArrayList<>(List.of("host=127.0.0.1", "port=0", "survey.store=cassandra",
                "cassandra.contact-points=" + SharedNode.get().contactPoint(),
                "cassandra.keyspace=t" + UUID.randomUUID().toString().replace("-", "").substring(0, 20)));
        sets.addAll(SettingsParser.dbKnobs(TestDatabases.fresh(DbKind.H2)));
        var settings = SettingsParser.parse("jetty-threads", Map.of(), sets);
        try (var server = JettyServer.newServer(App.create(settings), settings).start();
             var robot = new SurveyRobot(URI.create("http://127.0.0.1:" + server.port()), 5)) {
            var base = URI.create("http://127.0.0.1:" + server.port());
            assertThat(new ContractChecks(base).failures()).as("contract checks").isEmpty();
            var before = new ArrayList<String>();
            for (int id = 1; id <= 7; id++) {
                before.add(robot.get("/surveys/" + id + "/results").body());
                robot.complete(id, true);
            }
            for (int id = 1; id <= 7; id++) {
                int previously = completed(before.get(id - 1));
                assertThat(completed(robot.get("/surveys/" + id + "/results").body())).as("survey %d", id).isEqualTo(previously + 1);
            }

            // the last page (the third) of one response of survey 2, from eight connections at once: one completion
            var page = SurveyRobot.parse(robot.get("/surveys/2").body());
            int completedBefore = completed(robot.get("/surveys/2/results").body());
            String form;
            while (true) {
                var fields = new StringBuilder("response=" + SurveyRobot.encode(page.response()) + "&csrf=" + SurveyRobot.encode(page.csrf()));
                for (var field : page.fields()) {
                    fields.append('&').append(field.name()).append('=').append(switch (field.kind()) {
                        case "number" -> Integer.toString(field.min());
                        case "text" -> "fine";
                        default -> field.options().getFirst();
                    });
                }
                if (page.action().endsWith("/pages/3")) {
                    form = fields.toString();
                    break;
                }
                var next = robot.post(page.action(), fields.toString());
                assertThat(next.statusCode()).as(next.body()).isEqualTo(303);
                page = SurveyRobot.parse(robot.get(next.headers().firstValue("Location").orElseThrow()).body());
            }
            var action = page.action();
            var token = page.response();
            var ready = new CountDownLatch(8);
            var results = new ArrayList<Future<HttpResponse<String>>>();
            try (var pool = Executors.newFixedThreadPool(8)) {
                for (int i = 0; i < 8; i++) {
                    var client = new SurveyRobot(base, i);
                    var body = form;
                    results.add(pool.submit(() -> {
                        try (client) {
                            ready.countDown();
                            ready.await();
                            return client.post(action, body);
                        }
                    }));
                }
            }
            for (var result : results) {
                var response = result.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
                assertThat(response.headers().firstValue("Location")).hasValue("/surveys/2/done?response=" + token);
            }
            assertThat(completed(robot.get("/surveys/2/results").body())).isEqualTo(completedBefore + 1);
        }
    }

    private static int completed(String results) {
        var matcher = COMPLETED.matcher(results);
        assertThat(matcher.find()).as(results).isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
