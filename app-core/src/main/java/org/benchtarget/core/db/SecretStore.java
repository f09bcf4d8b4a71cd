package org.benchtarget.core.db;

import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Base64;

/**
 * The signing key every process sharing a database must agree on: the {@code secret} knob when
 * given, else one generated once and kept in {@code app_secret}. Two processes starting together
 * race on the insert; the loser reads the winner's key.
 */
public final class SecretStore {
    private static final String SELECT = """
            SELECT secret_value FROM app_secret WHERE secret_name = ?""";
    private static final String INSERT = """
            INSERT INTO app_secret (secret_name, secret_value) VALUES (?, ?)""";

    private SecretStore() {
    }

    public static byte[] signingKey(DataSource dataSource, String configured) {
        if (configured != null && !configured.isEmpty()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        try {
            var stored = read(dataSource, "signing");
            if (stored == null) {
                var fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try (var connection = dataSource.getConnection(); var insert = connection.prepareStatement(INSERT)) {
                    insert.setString(1, "signing");
                    insert.setString(2, Base64.getEncoder().encodeToString(fresh));
                    insert.executeUpdate();
                } catch (SQLException lostTheRace) {
                    // another process inserted first: use its key
                }
                stored = read(dataSource, "signing");
            }
            return Base64.getDecoder().decode(stored);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    private static String read(DataSource dataSource, String name) throws SQLException {
        try (var connection = dataSource.getConnection(); var select = connection.prepareStatement(SELECT)) {
            select.setString(1, name);
            try (var rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
