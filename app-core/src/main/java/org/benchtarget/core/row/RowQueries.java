package org.benchtarget.core.row;

import javax.sql.DataSource;
import java.sql.SQLException;

/** The SQL of the {@code test} table. */
final class RowQueries {
    private static final String SELECT_BODY = """
            SELECT body FROM test WHERE id = ?""";

    private final DataSource dataSource;

    RowQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Returns the row's body, or null when there is no such row. */
    String body(int id) throws SQLException {
        try (var connection = dataSource.getConnection();
             var statement = connection.prepareStatement(SELECT_BODY)) {
            statement.setInt(1, id);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
