package org.benchtarget.core.survey;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Responses in progress, kept in the database: the answers of the pages completed so far, so a
 * restart loses nothing and any process sharing the database can take the next page. A draft not
 * written for {@code ttl} counts as abandoned: it reads as not begun and {@link #sweep} deletes it.
 * Concurrent writers of one draft are detected (an insert that meets the key, an update whose
 * pages-done value moved on) and the caller retries. Thread-safe.
 */
final class Drafts {
    private static final String SELECT = """
            SELECT pages_done, answers, updated_at FROM survey_draft WHERE response_token = ?""";
    private static final String INSERT = """
            INSERT INTO survey_draft (response_token, survey_id, pages_done, answers, updated_at) VALUES (?, ?, ?, ?, ?)""";
    private static final String UPDATE = """
            UPDATE survey_draft SET pages_done = ?, answers = ?, updated_at = ?
            WHERE response_token = ? AND pages_done = ?""";
    private static final String SWEEP = """
            DELETE FROM survey_draft WHERE updated_at < ?""";

    private final DataSource dataSource;
    private final Duration ttl;
    private final Clock clock;

    Drafts(DataSource dataSource, Duration ttl, Clock clock) {
        this.dataSource = dataSource;
        this.ttl = ttl;
        this.clock = clock;
    }

    /**
     * Where a response stands: the pages done and their answers (0 and none when not begun or
     * expired); {@code storedPagesDone} is the row's value, null when there is no row.
     */
    record Draft(int pagesDone, Answers answers, Integer storedPagesDone) {
        static final Draft NONE = new Draft(0, Answers.NONE, null);
    }

    Draft read(String token) throws SQLException {
        try (var connection = dataSource.getConnection(); var select = connection.prepareStatement(SELECT)) {
            select.setString(1, token);
            try (var rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Draft.NONE;
                }
                int stored = rows.getInt(1);
                var updated = rows.getObject(3, OffsetDateTime.class).toInstant();
                if (updated.plus(ttl).isBefore(clock.instant())) {
                    return new Draft(0, Answers.NONE, stored);
                }
                return new Draft(stored, Answers.decode(rows.getString(2)), stored);
            }
        }
    }

    /** Writes the draft as {@code pagesDone} pages with {@code answers}; false when another request changed it since {@code before} was read. */
    boolean save(int surveyId, String token, Draft before, int pagesDone, Answers answers) throws SQLException {
        var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        try (var connection = dataSource.getConnection()) {
            if (before.storedPagesDone() == null) {
                try (var insert = connection.prepareStatement(INSERT)) {
                    insert.setString(1, token);
                    insert.setInt(2, surveyId);
                    insert.setInt(3, pagesDone);
                    insert.setString(4, answers.encode());
                    insert.setObject(5, now);
                    insert.executeUpdate();
                    return true;
                } catch (SQLException e) {
                    if (Conflicts.isConflict(e)) {
                        return false;
                    }
                    throw e;
                }
            }
            try (var update = connection.prepareStatement(UPDATE)) {
                update.setInt(1, pagesDone);
                update.setString(2, answers.encode());
                update.setObject(3, now);
                update.setString(4, token);
                update.setInt(5, before.storedPagesDone());
                return update.executeUpdate() == 1;
            }
        }
    }

    /** Deletes the drafts abandoned longer than the time to live; returns how many. */
    int sweep() throws SQLException {
        try (var connection = dataSource.getConnection(); var delete = connection.prepareStatement(SWEEP)) {
            delete.setObject(1, OffsetDateTime.ofInstant(clock.instant().minus(ttl), ZoneOffset.UTC));
            return delete.executeUpdate();
        }
    }
}
