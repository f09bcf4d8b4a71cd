package org.benchtarget.db;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Fills the migrated schema with the deterministic seed data, in one transaction, so a reset
 * is all-or-nothing. {@link #VERSION} changes whenever the generated data changes.
 */
public final class Seeder {
    public static final String VERSION = "3";

    private final List<SeedStep> steps;

    public Seeder(List<SeedStep> steps) {
        this.steps = List.copyOf(steps);
    }

    /** Returns the seeder of every table this build knows. */
    public static Seeder standard() {
        return new Seeder(List.of(new RowSeed(), new UserSeed(), new WallSeed(), new SurveySeed()));
    }

    /** Seeds when the tables are empty or hold another version's data; returns whether it did. */
    public boolean seedIfNeeded(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            if (VERSION.equals(storedVersion(connection))) {
                return false;
            }
            rewrite(connection);
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("seeding failed: " + e.getMessage(), e);
        }
    }

    /** Deletes all seeded data and writes it again, exactly. */
    public void reset(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            rewrite(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("reset failed: " + e.getMessage(), e);
        }
    }

    private void rewrite(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (int i = steps.size() - 1; i >= 0; i--) {
                steps.get(i).delete(connection);
            }
            for (var step : steps) {
                step.insert(connection);
            }
            try (var statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM seed_info");
                statement.executeUpdate("INSERT INTO seed_info (id, version) VALUES (1, '" + VERSION + "')");
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static String storedVersion(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT version FROM seed_info WHERE id = 1")) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
