package org.benchtarget.undertow;

import org.benchtarget.bench.survey.SurveyLoad;
import org.benchtarget.bench.survey.SurveyRobot;
import org.benchtarget.core.App;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.db.DbConfig;
import org.benchtarget.db.DbKind;
import org.benchtarget.db.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 001's load as a correctness test: 50 concurrent respondents each complete the seven
 * surveys twice (and post some last pages twice) against Undertow on PostgreSQL; afterwards the
 * results and the tables hold exactly the completions the clients saw. Bounded: 700 completions
 * or 3 minutes. No timing assertions.
 */
class SurveyLoadIT {
    private static final int USERS = 50;
    private static final int ROUNDS = 2;

    @Test
    void concurrentRespondentsLeaveExactlyTheCompletionsTheySaw() throws Exception {
        var db = TestDatabases.fresh(DbKind.POSTGRES);
        var pooled = new DbConfig(db.kind(), db.url(), db.user(), db.password(), 16);
        var sets = new ArrayList<>(List.of("host=127.0.0.1", "port=0"));
        sets.addAll(SettingsParser.dbKnobs(pooled));
        var settings = SettingsParser.parse("undertow-nio", Map.of(), sets);
        try (var server = UndertowServer.newServer(App.create(settings), settings).start();
             var tables = new SurveyFlowIT.Tables(db);
             var robot = new SurveyRobot(URI.create("http://127.0.0.1:" + server.port()), 1)) {
            var result = SurveyLoad.run(URI.create("http://127.0.0.1:" + server.port()), USERS, ROUNDS, Duration.ofMinutes(3), 5);
            System.out.println("survey load: " + result.summary());

            assertThat(result.failures()).as("failures: %s", result.failureSamples()).isZero();
            assertThat(result.completed()).isEqualTo((long) USERS * ROUNDS * SurveyLoad.SURVEYS);
            for (int id = 1; id <= SurveyLoad.SURVEYS; id++) {
                assertThat(robot.get("/surveys/" + id + "/results").body())
                        .startsWith("{\"survey\":" + id + ",\"completed\":" + result.completedPerSurvey()[id - 1] + ",");
            }
            assertThat(tables.count("survey_response")).isEqualTo(result.completed());
            assertThat(tables.scalar("SELECT COUNT(DISTINCT response_token) FROM survey_response")).isEqualTo(result.completed());
            assertThat(tables.count("survey_answer")).isEqualTo(result.answerRows());
            assertThat(tables.scalar("""
                    SELECT COUNT(*) FROM survey_answer a LEFT JOIN survey_response r ON r.id = a.response_id
                    WHERE r.id IS NULL OR r.survey_id <> a.survey_id""")).as("orphan answers").isZero();
            assertThat(tables.scalar("""
                    SELECT COUNT(*) FROM survey_response r
                    WHERE NOT EXISTS (SELECT 1 FROM survey_answer a WHERE a.response_id = r.id)""")).as("responses without answers").isZero();
            assertThat(tables.count("survey_draft")).as("drafts left behind").isZero();
        }
    }
}
