package org.benchtarget.db;

import org.benchtarget.db.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SeederIT {

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void storesTheGeneratedRowsByteForByte(DbKind kind) throws SQLException {
        try (var dataSource = Database.open(TestDatabases.fresh(kind))) {
            assertThat(readRows(dataSource)).isEqualTo(RowSeed.bodies());
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void resetRestoresChangedDataExactly(DbKind kind) throws SQLException {
        try (var dataSource = Database.open(TestDatabases.fresh(kind))) {
            try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE test SET body = 'changed' WHERE id = 3");
                statement.executeUpdate("DELETE FROM test WHERE id = 7");
            }
            assertThat(Seeder.standard().seedIfNeeded(dataSource)).as("same version: nothing to do").isFalse();

            Seeder.standard().reset(dataSource);

            assertThat(readRows(dataSource)).isEqualTo(RowSeed.bodies());
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void migratingTwiceIsHarmless(DbKind kind) {
        try (var dataSource = Database.open(TestDatabases.fresh(kind))) {
            Migrations.migrate(dataSource);
            assertThat(Seeder.standard().seedIfNeeded(dataSource)).isFalse();
        }
    }

    private static List<String> readRows(javax.sql.DataSource dataSource) throws SQLException {
        var rows = new ArrayList<String>();
        try (var connection = dataSource.getConnection();
             var statement = connection.createStatement();
             var result = statement.executeQuery("SELECT body FROM test ORDER BY id")) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
