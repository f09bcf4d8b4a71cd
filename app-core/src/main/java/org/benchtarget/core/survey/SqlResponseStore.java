package org.benchtarget.core.survey;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;

/**
 * Completed responses in the app's database. One transaction writes the response, its answers
 * and removes the draft. Exactly once rests on the unique response token: of two concurrent
 * completions (two connections, two processes) the second insert fails on the key, rolls back
 * and reports {@link Outcome#ALREADY_STORED}; no ON CONFLICT, so H2 and PostgreSQL run the same
 * SQL. Thread-safe.
 */
final class SqlResponseStore implements ResponseStore {
    private static final String INSERT_RESPONSE = """
            INSERT INTO survey_response (response_token, survey_id, completed_at) VALUES (?, ?, ?)""";
    private static final String INSERT_ANSWER = """
            INSERT INTO survey_answer (response_id, question_id, ordinal, survey_id, answer_number, answer_text)
            VALUES (?, ?, ?, ?, ?, ?)""";
    private static final String DELETE_DRAFT = """
            DELETE FROM survey_draft WHERE response_token = ?""";
    private static final String SELECT_COMPLETED = """
            SELECT 1 FROM survey_response WHERE response_token = ? AND survey_id = ?""";
    private static final String COUNT_COMPLETED = """
            SELECT COUNT(*) FROM survey_response WHERE survey_id = ?""";
    private static final String TALLIES = """
            SELECT question_id, answer_number, COUNT(*), SUM(CASE WHEN ordinal = 0 THEN 1 ELSE 0 END)
            FROM survey_answer WHERE survey_id = ?
            GROUP BY question_id, answer_number""";

    private final DataSource dataSource;
    private final Clock clock;

    SqlResponseStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public Outcome complete(Survey survey, String token, Answers answers) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long responseId = insertResponse(connection, survey, token);
                insertAnswers(connection, survey, responseId, answers);
                try (var delete = connection.prepareStatement(DELETE_DRAFT)) {
                    delete.setString(1, token);
                    delete.executeUpdate();
                }
                connection.commit();
                return Outcome.STORED;
            } catch (SQLException e) {
                connection.rollback();
                // The same connection asks: a second one could wait forever on a pool whose
                // connections are all held by losers of this very race.
                if (Conflicts.isConflict(e) && isCompleted(connection, survey.id(), token)) {
                    return Outcome.ALREADY_STORED;
                }
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private long insertResponse(Connection connection, Survey survey, String token) throws SQLException {
        try (var insert = connection.prepareStatement(INSERT_RESPONSE, new String[]{"id"})) {
            insert.setString(1, token);
            insert.setInt(2, survey.id());
            insert.setObject(3, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            insert.executeUpdate();
            try (var keys = insert.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no id generated for the response");
                }
                return keys.getLong(1);
            }
        }
    }

    private static void insertAnswers(Connection connection, Survey survey, long responseId, Answers answers) throws SQLException {
        try (var insert = connection.prepareStatement(INSERT_ANSWER)) {
            int rows = 0;
            for (var question : survey.questions()) {
                var values = answers.of(question);
                for (int ordinal = 0; ordinal < values.size(); ordinal++) {
                    insert.setLong(1, responseId);
                    insert.setInt(2, question.id());
                    insert.setInt(3, ordinal);
                    insert.setInt(4, survey.id());
                    if (question.numeric()) {
                        insert.setInt(5, Integer.parseInt(values.get(ordinal)));
                        insert.setNull(6, Types.VARCHAR);
                    } else {
                        insert.setNull(5, Types.INTEGER);
                        insert.setString(6, values.get(ordinal));
                    }
                    insert.addBatch();
                    rows++;
                }
            }
            if (rows > 0) {
                insert.executeBatch();
            }
        }
    }

    @Override
    public boolean isCompleted(int surveyId, String token) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            return isCompleted(connection, surveyId, token);
        }
    }

    private static boolean isCompleted(Connection connection, int surveyId, String token) throws SQLException {
        try (var select = connection.prepareStatement(SELECT_COMPLETED)) {
            select.setString(1, token);
            select.setInt(2, surveyId);
            try (var rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public Tallies tallies(Survey survey) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            // One snapshot for the count and the groups, so "completed" and the tallies agree.
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                long completed;
                try (var count = connection.prepareStatement(COUNT_COMPLETED)) {
                    count.setInt(1, survey.id());
                    try (var rows = count.executeQuery()) {
                        rows.next();
                        completed = rows.getLong(1);
                    }
                }
                var groups = new ArrayList<Tally>();
                try (var tallies = connection.prepareStatement(TALLIES)) {
                    tallies.setInt(1, survey.id());
                    try (var rows = tallies.executeQuery()) {
                        while (rows.next()) {
                            int number = rows.getInt(2);
                            groups.add(new Tally(rows.getInt(1), rows.wasNull() ? null : number, rows.getLong(3), rows.getLong(4)));
                        }
                    }
                }
                connection.commit();
                return new Tallies(completed, groups);
            } finally {
                connection.setAutoCommit(true); // the pool restores the isolation level
            }
        }
    }
}
