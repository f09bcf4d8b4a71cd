package org.benchtarget.core.auth;

import javax.sql.DataSource;
import java.sql.SQLException;

/** The SQL of signing in. */
final class UserQueries {
    private static final String SELECT_LOGIN = """
            SELECT u.id, u.password_hash,
                   (SELECT MIN(m.wall_id) FROM wall_members m WHERE m.user_id = u.id)
            FROM users u
            WHERE u.username = ?""";
    private static final String SELECT_ID = """
            SELECT id FROM users WHERE username = ?""";

    private final DataSource dataSource;

    UserQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What a sign-in needs of a user; firstWall is 0 when the user belongs to no wall. */
    record Login(int userId, String passwordHash, int firstWall) {
    }

    /** Returns the user's id, hash and first wall, or null when there is no such user. */
    Login login(String username) throws SQLException {
        try (var connection = dataSource.getConnection();
             var statement = connection.prepareStatement(SELECT_LOGIN)) {
            statement.setString(1, username);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? new Login(rows.getInt(1), rows.getString(2), rows.getInt(3)) : null;
            }
        }
    }

    /** Returns the user's id, or 0 when there is no such user. */
    static int userId(DataSource dataSource, String username) throws SQLException {
        try (var connection = dataSource.getConnection();
             var statement = connection.prepareStatement(SELECT_ID)) {
            statement.setString(1, username);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        }
    }
}
