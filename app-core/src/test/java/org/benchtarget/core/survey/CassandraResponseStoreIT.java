package org.benchtarget.core.survey;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.benchtarget.cassandra.SharedNode;
import org.benchtarget.core.config.CassandraSettings;
import org.benchtarget.core.config.SettingsException;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.db.Database;
import org.benchtarget.db.DbKind;
import org.benchtarget.db.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Cassandra response store on a real single-node Cassandra (one per test JVM), drafts on H2. */
class CassandraResponseStoreIT {

    /** Settings of a fresh keyspace on the shared node, so tests see only their own rows. */
    static CassandraSettings settings() throws Exception {
        var node = SharedNode.get();
        var settings = SettingsParser.parse(null, Map.of(), List.of("survey.store=cassandra",
                "cassandra.contact-points=" + node.contactPoint(),
                "cassandra.keyspace=t" + UUID.randomUUID().toString().replace("-", "").substring(0, 20)));
        return CassandraSettings.of(settings);
    }

    @Test
    void aResponseIsStoredOnceAndCountedOnceUntilAReset() throws Exception {
        var settings = settings();
        try (var dataSource = Database.open(TestDatabases.fresh(DbKind.H2));
             var responses = ResponseStores.open(settings, dataSource, Clock.systemUTC())) {
            var store = responses.store();
            var survey = survey(dataSource, 3);
            var token = "token-" + UUID.randomUUID();
            var answers = answers(survey, 0);
            assertThat(store.isCompleted(survey.id(), token)).isFalse();
            assertThat(store.complete(survey, token, answers)).isEqualTo(ResponseStore.Outcome.STORED);
            assertThat(store.complete(survey, token, answers(survey, 1))).isEqualTo(ResponseStore.Outcome.ALREADY_STORED);
            assertThat(store.isCompleted(survey.id(), token)).isTrue();
            assertThat(store.isCompleted(survey.id() + 1, token)).isFalse();
            assertThat(store.tallies(survey).completed()).isEqualTo(1);
            // the first write wins: the tallies are those of answers(survey, 0) alone
            assertThat(json(survey, store)).isEqualTo(sqlJson(survey, List.of(answers)));

            ResponseStores.truncate(settings); // bench db reset
            assertThat(store.tallies(survey).completed()).isZero();
            assertThat(store.isCompleted(survey.id(), token)).isFalse();
        }
    }

    @Test
    void concurrentCompletionsOfOneTokenStoreOne() throws Exception {
        try (var dataSource = Database.open(TestDatabases.fresh(DbKind.H2));
             var responses = ResponseStores.open(settings(), dataSource, Clock.systemUTC());
             var pool = Executors.newFixedThreadPool(8)) {
            var store = responses.store();
            var survey = survey(dataSource, 1);
            for (int round = 0; round < 3; round++) {
                var token = "race-" + round + "-" + UUID.randomUUID();
                var go = new CountDownLatch(1);
                var calls = new ArrayList<Callable<ResponseStore.Outcome>>();
                for (int i = 0; i < 8; i++) {
                    int variant = i;
                    calls.add(() -> {
                        go.await();
                        return store.complete(survey, token, answers(survey, variant));
                    });
                }
                var futures = calls.stream().map(pool::submit).toList();
                go.countDown();
                var outcomes = new ArrayList<ResponseStore.Outcome>();
                for (var future : futures) {
                    outcomes.add(future.get());
                }
                assertThat(outcomes).filteredOn(outcome -> outcome == ResponseStore.Outcome.STORED).hasSize(1);
            }
            assertThat(store.tallies(survey).completed()).isEqualTo(3);
        }
    }

    @Test
    void talliesMatchTheSqlStoresByteForByte() throws Exception {
        try (var dataSource = Database.open(TestDatabases.fresh(DbKind.H2));
             var responses = ResponseStores.open(settings(), dataSource, Clock.systemUTC())) {
            var sql = new SqlResponseStore(dataSource, Clock.systemUTC()); // the same responses, stored the SQL way
            for (int surveyId = 1; surveyId <= 7; surveyId++) {
                var survey = survey(dataSource, surveyId);
                for (int i = 0; i < 5; i++) {
                    responses.store().complete(survey, "t" + surveyId + "-" + i, answers(survey, i));
                    sql.complete(survey, "t" + surveyId + "-" + i, answers(survey, i));
                }
                assertThat(json(survey, responses.store())).as("survey %d", surveyId).isEqualTo(json(survey, sql));
            }
        }
    }

    @Test
    void theDraftIsDeletedOnlyOnceTheResponseIsStored() throws Exception {
        try (var dataSource = Database.open(TestDatabases.fresh(DbKind.H2));
             var responses = ResponseStores.open(settings(), dataSource, Clock.systemUTC())) {
            var survey = survey(dataSource, 2);
            var drafts = new Drafts(dataSource, Duration.ofHours(1), Clock.systemUTC());
            var token = "draft-" + UUID.randomUUID();
            var answers = answers(survey, 2);
            assertThat(drafts.save(survey.id(), token, drafts.read(token), 1, answers)).isTrue();
            assertThat(drafts.read(token).storedPagesDone()).isEqualTo(1);
            responses.store().complete(survey, token, answers);
            assertThat(drafts.read(token).storedPagesDone()).isNull();
        }
    }

    @Test
    void anUnreachableClusterStopsTheStartNamingIt() throws Exception {
        int closed;
        try (var socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        var settings = CassandraSettings.of(SettingsParser.parse(null, Map.of(),
                List.of("survey.store=cassandra", "cassandra.contact-points=127.0.0.1:" + closed)));
        try (var dataSource = Database.open(TestDatabases.fresh(DbKind.H2))) {
            assertThatThrownBy(() -> ResponseStores.open(settings, dataSource, Clock.systemUTC()))
                    .isInstanceOf(SettingsException.class)
                    .hasMessageStartingWith("survey.store=cassandra: cannot reach Cassandra at 127.0.0.1:" + closed)
                    .hasMessageNotContaining("\n");
        }
    }

    private static Survey survey(DataSource dataSource, int id) throws Exception {
        return new SurveyDefinitions(dataSource, false, new SimpleMeterRegistry()).get(id);
    }

    /** Answers to every question, varied by {@code variant}; one question in three left out (as optional ones may be). */
    static Answers answers(Survey survey, int variant) {
        var values = new LinkedHashMap<Integer, List<String>>();
        int n = 0;
        for (var question : survey.questions()) {
            n++;
            if ((n + variant) % 3 == 0) {
                continue;
            }
            values.put(question.id(), switch (question.kind()) {
                case SINGLE -> List.of(Integer.toString(1 + (n + variant) % question.options().size()));
                case MULTIPLE -> question.options().size() > 1 && variant % 2 == 0 ? List.of("1", "2") : List.of("1");
                case RATING -> List.of(Integer.toString(1 + (n * 7 + variant) % 5));
                case NUMBER -> List.of(Integer.toString(question.min() + variant % Math.max(1, question.max() - question.min() + 1)));
                case TEXT -> List.of("text " + variant + " ä \"quoted\"");
            });
        }
        return new Answers(values);
    }

    /** The results JSON of the SQL store on a fresh database holding {@code given} as completed responses. */
    private static String sqlJson(Survey survey, List<Answers> given) throws Exception {
        try (var dataSource = Database.open(TestDatabases.fresh(DbKind.H2))) {
            var store = new SqlResponseStore(dataSource, Clock.systemUTC());
            for (int i = 0; i < given.size(); i++) {
                store.complete(survey, "sql-" + i, given.get(i));
            }
            return json(survey, store);
        }
    }

    private static String json(Survey survey, ResponseStore store) throws Exception {
        return new String(SurveyResults.json(survey, store.tallies(survey)), StandardCharsets.UTF_8);
    }
}
