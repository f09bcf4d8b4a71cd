package org.benchtarget.db;

import java.sql.Connection;
import java.sql.SQLException;

/** One table group of the seed data. Steps run in order to insert and in reverse order to delete. */
public interface SeedStep {
    void delete(Connection connection) throws SQLException;

    void insert(Connection connection) throws SQLException;
}
