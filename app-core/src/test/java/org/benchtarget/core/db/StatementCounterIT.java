package org.benchtarget.core.db;

import org.benchtarget.db.Database;
import org.benchtarget.db.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class StatementCounterIT {

    @Test
    void countsStatementsPerScopeAndInTotal() throws SQLException {
        var counter = new StatementCounter();
        try (var pool = Database.open(TestDatabases.h2())) {
            var counted = counter.wrap(pool);
            try (var scope = counter.open()) {
                try (var connection = counted.getConnection()) {
                    try (var select = connection.prepareStatement("SELECT body FROM test WHERE id = ?")) {
                        select.setInt(1, 1);
                        select.executeQuery().close();
                        select.setInt(1, 2);
                        select.executeQuery().close();
                    }
                    try (var statement = connection.createStatement()) {
                        statement.execute("SELECT 1");
                    }
                }
                assertThat(scope.count()).isEqualTo(3);
            }
            try (var outside = counted.getConnection(); var statement = outside.createStatement()) {
                statement.execute("SELECT 1");
            }
            assertThat(counter.total()).isEqualTo(4);
        }
    }
}
