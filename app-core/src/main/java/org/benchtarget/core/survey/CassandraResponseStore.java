package org.benchtarget.core.survey;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.connection.BusyConnectionException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.connection.HeartbeatException;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.servererrors.BootstrappingException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.QueryConsistencyException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.type.reflect.GenericType;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Completed responses in Cassandra (seed 001), drafts in SQL. A response is one row, every answer in it,
 * written by a lightweight transaction ({@code INSERT ... IF NOT EXISTS}) keyed by its token: of two
 * completions of one token (a retry, two connections, two processes, a retry after a timeout whose write
 * went through) exactly one is applied, and the other reads "not applied". Only then is the SQL draft
 * deleted, so a failed write keeps the draft and a retry after a crash between the two finds the row and
 * deletes the draft. Tallies are counted from the rows, never from counters (not idempotent under retries).
 * Rows are spread over {@link #BUCKETS} partitions per survey, so concurrent completions do not contend
 * for one partition's Paxos state. Thread-safe.
 */
final class CassandraResponseStore implements ResponseStore {
    static final int BUCKETS = 16;
    private static final List<Integer> ALL_BUCKETS = IntStream.range(0, BUCKETS).boxed().toList();
    private static final GenericType<Map<Integer, List<String>>> ANSWERS =
            GenericType.mapOf(GenericType.INTEGER, GenericType.listOf(GenericType.STRING));
    private static final String DELETE_DRAFT = "DELETE FROM survey_draft WHERE response_token = ?";

    private final CqlSession session;
    private final DataSource dataSource;
    private final Clock clock;
    private final PreparedStatement insert;
    private final PreparedStatement select;
    private final PreparedStatement all;

    CassandraResponseStore(CqlSession session, String keyspace, DataSource dataSource, Clock clock) {
        this.session = session;
        this.dataSource = dataSource;
        this.clock = clock;
        var table = keyspace + "." + CassandraSchema.TABLE;
        this.insert = session.prepare("INSERT INTO " + table
                + " (survey_id, bucket, response_token, completed_at, answers) VALUES (?, ?, ?, ?, ?) IF NOT EXISTS");
        this.select = session.prepare("SELECT response_token FROM " + table + " WHERE survey_id = ? AND bucket = ? AND response_token = ?");
        this.all = session.prepare("SELECT answers FROM " + table + " WHERE survey_id = ? AND bucket IN ?");
    }

    @Override
    public Outcome complete(Survey survey, String token, Answers answers) throws SQLException {
        var row = new LinkedHashMap<Integer, List<String>>();
        for (var question : survey.questions()) {
            var values = answers.of(question);
            if (!values.isEmpty()) {
                row.put(question.id(), values);
            }
        }
        boolean applied = execute(insert.bind(survey.id(), bucket(token), token, clock.instant(), row)).wasApplied();
        try (var connection = dataSource.getConnection(); var delete = connection.prepareStatement(DELETE_DRAFT)) {
            delete.setString(1, token);
            delete.executeUpdate();
        }
        return applied ? Outcome.STORED : Outcome.ALREADY_STORED;
    }

    @Override
    public boolean isCompleted(int surveyId, String token) throws SQLException {
        return execute(select.bind(surveyId, bucket(token), token)).one() != null;
    }

    @Override
    public Tallies tallies(Survey survey) throws SQLException {
        // the count and the groups come from the same rows, so they always agree
        var tallies = new AnswerTallies(survey);
        for (var row : execute(all.bind(survey.id(), ALL_BUCKETS))) {
            tallies.add(row.get(0, ANSWERS));
        }
        return tallies.result();
    }

    static int bucket(String token) {
        return Math.floorMod(token.hashCode(), BUCKETS);
    }

    private ResultSet execute(Statement<?> statement) throws SQLException {
        try {
            return session.execute(statement);
        } catch (DriverException e) {
            if (isOutage(e)) {
                throw new StoreUnavailableException("Cassandra", e);
            }
            throw e;
        }
    }

    /** The cluster cannot be reached, or not enough replicas answered in time: try again later (503), not a bug (500). */
    static boolean isOutage(DriverException e) {
        return e instanceof AllNodesFailedException || e instanceof DriverTimeoutException
                || e instanceof ClosedConnectionException || e instanceof HeartbeatException
                || e instanceof BusyConnectionException || e instanceof QueryConsistencyException
                || e instanceof UnavailableException || e instanceof OverloadedException
                || e instanceof BootstrappingException;
    }
}
