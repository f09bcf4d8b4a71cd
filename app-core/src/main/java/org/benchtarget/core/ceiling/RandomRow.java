package org.benchtarget.core.ceiling;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A ceiling's {@code /db}, plain JDBC and nothing else: borrow a connection, run one prepared {@code SELECT} of a row
 * of the {@code test} table picked uniformly at random (ids 1..10, the targets' rule), return its bytes. No query
 * counting, no cache, no metrics: the least any Java server must do for seed 000's second test. Thread-safe.
 */
public final class RandomRow {
    private static final int ROWS = 10;
    private static final String SELECT_BODY = "SELECT body FROM test WHERE id = ?";

    private final DataSource dataSource;

    public RandomRow(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Returns the UTF-8 body of a random row. */
    public byte[] read() throws SQLException {
        int id = ThreadLocalRandom.current().nextInt(1, ROWS + 1);
        try (var connection = dataSource.getConnection();
             var statement = connection.prepareStatement(SELECT_BODY)) {
            statement.setInt(1, id);
            try (var rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("row " + id + " of table test is missing: reset the data (bench db reset)");
                }
                return rows.getString(1).getBytes(StandardCharsets.UTF_8);
            }
        }
    }
}
