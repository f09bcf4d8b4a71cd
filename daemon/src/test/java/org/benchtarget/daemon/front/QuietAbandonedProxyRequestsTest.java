package org.benchtarget.daemon.front;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

class QuietAbandonedProxyRequestsTest {

    @Test
    void dropsAndCountsOnlyTheClosedChannelsTheProxyCausedItself() {
        var filter = QuietAbandonedProxyRequests.install();
        long before = filter.dropped();
        assertThat(filter.isLoggable(failed(new IOException("wrapped", new ClosedChannelException())))).isFalse();
        assertThat(filter.isLoggable(failed(new ClosedChannelException()))).isFalse();
        assertThat(filter.dropped()).isEqualTo(before + 2);
        // a backend that resets or refuses is still worth a line
        assertThat(filter.isLoggable(failed(new IOException("Connection reset by peer")))).isTrue();
        assertThat(filter.isLoggable(failed(null))).isTrue();
        assertThat(filter.dropped()).isEqualTo(before + 2);
    }

    private static LogRecord failed(Throwable thrown) {
        var record = new LogRecord(Level.SEVERE, "UT005028: Proxy request to /hello failed");
        record.setThrown(thrown);
        return record;
    }
}
