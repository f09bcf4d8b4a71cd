package org.benchtarget.bench.soak;

import org.benchtarget.core.config.CassandraSettings;
import org.benchtarget.core.survey.ResponseStores;
import org.benchtarget.db.DbConfig;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashSet;

/**
 * What the survey store holds after a load, compared with what the clients saw: completions seen but
 * not stored (lost), tokens stored twice, stored but never seen, partial writes (a response without
 * answers, answers without their response) and drafts left behind. With {@code survey.store=cassandra} the
 * completions are read from Cassandra's table (drafts stay in SQL, and SQL must then hold no completion).
 */
record StoredResponses(long stored, long lost, long doubled, long unseen, long partial, long drafts, long answers) {

    static StoredResponses compare(SoakTarget target, Collection<String> seen) throws SQLException {
        return target.cassandra().isPresent() ? compareCassandra(target.db(), target.cassandra().get(), seen) : compare(target.db(), seen);
    }

    private static StoredResponses compare(DbConfig db, Collection<String> seen) throws SQLException {
        var tokens = new HashSet<String>();
        long rows = 0;
        try (var connection = SoakDatabase.connect(db); var statement = connection.createStatement()) {
            try (var result = statement.executeQuery("SELECT response_token FROM survey_response")) {
                while (result.next()) {
                    tokens.add(result.getString(1));
                    rows++;
                }
            }
            long partial = scalar(statement, """
                    SELECT (SELECT COUNT(*) FROM survey_response r WHERE NOT EXISTS (SELECT 1 FROM survey_answer a WHERE a.response_id = r.id))
                         + (SELECT COUNT(*) FROM survey_answer a LEFT JOIN survey_response r ON r.id = a.response_id
                            WHERE r.id IS NULL OR r.survey_id <> a.survey_id)""");
            long drafts = scalar(statement, "SELECT COUNT(*) FROM survey_draft");
            long answers = scalar(statement, "SELECT COUNT(*) FROM survey_answer");
            return of(tokens, rows, seen, partial, drafts, answers);
        }
    }

    private static StoredResponses compareCassandra(DbConfig db, CassandraSettings cassandra, Collection<String> seen) throws SQLException {
        var tokens = new HashSet<String>();
        long rows = 0;
        long partial = 0;
        long answers = 0;
        for (var row : ResponseStores.readAll(cassandra)) {
            tokens.add(row.token());
            rows++;
            answers += row.answered();
            partial += row.answered() == 0 ? 1 : 0;
        }
        try (var connection = SoakDatabase.connect(db); var statement = connection.createStatement()) {
            // a completion written to SQL as well would be a second, unseen copy: count it as partial
            partial += scalar(statement, "SELECT COUNT(*) FROM survey_response");
            return of(tokens, rows, seen, partial, scalar(statement, "SELECT COUNT(*) FROM survey_draft"), answers);
        }
    }

    private static StoredResponses of(HashSet<String> tokens, long rows, Collection<String> seen, long partial, long drafts, long answers) {
        long lost = seen.stream().filter(token -> !tokens.contains(token)).count();
        long unseen = tokens.stream().filter(token -> !seen.contains(token)).count();
        return new StoredResponses(rows, lost, rows - tokens.size(), unseen, partial, drafts, answers);
    }

    private static long scalar(Statement statement, String sql) throws SQLException {
        try (var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    String describe() {
        return String.format("stored %,d (lost %d, doubled %d, stored but not seen %d, partial %d, drafts left %d, answer rows %,d)",
                stored, lost, doubled, unseen, partial, drafts, answers);
    }
}
