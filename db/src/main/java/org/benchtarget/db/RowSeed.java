package org.benchtarget.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The {@code test} table of seed 000: ten rows of exactly 2,500 characters. */
public final class RowSeed implements SeedStep {
    public static final int COUNT = 10;
    public static final int LENGTH = 2_500;
    private static final long SEED = 20070506L;

    /** Returns the ten bodies, ids 1..10 at index 0..9: the same on every install. */
    public static List<String> bodies() {
        var random = new SeedRandom(SEED);
        var bodies = new ArrayList<String>(COUNT);
        for (int id = 1; id <= COUNT; id++) {
            bodies.add(SeedText.sentences(random, LENGTH));
        }
        return List.copyOf(bodies);
    }

    @Override
    public void delete(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM test");
        }
    }

    @Override
    public void insert(Connection connection) throws SQLException {
        try (var insert = connection.prepareStatement("INSERT INTO test (id, body) VALUES (?, ?)")) {
            var bodies = bodies();
            for (int i = 0; i < bodies.size(); i++) {
                insert.setInt(1, i + 1);
                insert.setString(2, bodies.get(i));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
