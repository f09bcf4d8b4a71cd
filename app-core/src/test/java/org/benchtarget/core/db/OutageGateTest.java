package org.benchtarget.core.db;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class OutageGateTest {

    @Test
    void closesOnlyWhenTheDatabaseIsUnreachable() {
        var gate = new OutageGate(60_000);
        assertThat(gate.closed()).isFalse();
        gate.failed(new SQLTransientConnectionException("bench-db - Connection is not available, request timed out after 2000ms"));
        assertThat(gate.closed()).as("a busy pool is not an outage").isFalse();
        gate.failed(new SQLException("syntax error", "42601"));
        assertThat(gate.closed()).isFalse();
        gate.failed(new DataAccessException(new SQLTransientConnectionException("not available", "08001", new SQLException("refused", "08001"))));
        assertThat(gate.closed()).isTrue();
    }

    @Test
    void postgresShuttingDownAndRefusedSocketsAreOutages() {
        assertThat(OutageGate.unreachable(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(OutageGate.unreachable(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(OutageGate.unreachable(new SQLException("I/O", new ConnectException("Connection refused")))).isTrue();
        assertThat(DataAccessException.isOutage(new SQLException("terminating connection", "57P01"))).isTrue();
    }

    @Test
    void opensAgainOnceTheHoldIsOver() {
        var gate = new OutageGate(0);
        gate.failed(new SQLException("refused", "08001"));
        assertThat(gate.closed()).as("a zero hold lets the next request try at once").isFalse();
    }
}
