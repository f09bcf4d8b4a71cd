package org.benchtarget.core.web;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BodyLimitTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void readsABodyWithinTheLimit() throws IOException {
        assertThat(BodyLimit.read(new ByteArrayInputStream("a=1".getBytes()), 3, 10, MINUTE)).containsExactly('a', '=', '1');
        assertThat(BodyLimit.read(new ByteArrayInputStream("a=1".getBytes()), -1, 3, MINUTE)).hasSize(3);
    }

    @Test
    void aDeclaredOrActualBodyOverTheLimitIs413() {
        assertThatThrownBy(() -> BodyLimit.read(new ByteArrayInputStream(new byte[0]), 11, 10, MINUTE)).satisfies(status(413));
        assertThatThrownBy(() -> BodyLimit.read(new ByteArrayInputStream(new byte[11]), -1, 10, MINUTE)).satisfies(status(413));
    }

    @Test
    void aBodyShorterThanDeclaredIs400() {
        assertThatThrownBy(() -> BodyLimit.read(new ByteArrayInputStream(new byte[3]), 10, 100, MINUTE))
                .satisfies(status(400)).hasMessage("request body ended after 3 of 10 bytes");
    }

    @Test
    void aBrokenStreamIs400AndAStalledOne408() {
        assertThatThrownBy(() -> BodyLimit.read(failing(new EOFException("Early EOF")), -1, 100, MINUTE))
                .satisfies(status(400)).hasMessage("request body incomplete or malformed");
        assertThatThrownBy(() -> BodyLimit.read(failing(new SocketTimeoutException("Read timed out")), -1, 100, MINUTE)).satisfies(status(408));
        assertThatThrownBy(() -> BodyLimit.read(failing(new IOException(new TimeoutException("Idle timeout expired"))), -1, 100, MINUTE))
                .satisfies(status(408));
        assertThatThrownBy(() -> BodyLimit.read(failing(new java.io.InterruptedIOException("XNIO's ReadTimeoutException is one")), -1, 100, MINUTE))
                .satisfies(status(408));
    }

    @Test
    void anUncheckedExceptionOfTheStreamIsRethrownAsItIs() {
        // bodies reach the app whole (BodyFirst, WholeBodyHandler): a server's refusal never surfaces here, only bugs
        var bug = new NullPointerException("a bug");
        assertThatThrownBy(() -> BodyLimit.read(failing(bug), -1, 100, MINUTE)).isSameAs(bug);
        var jettyText = new IllegalStateException("413: Request body is too large: 69632>65536");
        assertThatThrownBy(() -> BodyLimit.read(failing(jettyText), -1, 100, MINUTE)).isSameAs(jettyText);
    }

    @Test
    void aBodyTrickledPastTheDeadlineIs408() {
        // one byte per read, each read 30 ms apart (on a clock the stream advances): under any idle timeout,
        // but the whole body would take 3 s
        var clock = new AtomicLong();
        var trickle = new InputStream() {
            private int left = 100;

            @Override
            public int read() {
                throw new UnsupportedOperationException("read(byte[], int, int) only");
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left-- == 0) {
                    return -1;
                }
                clock.addAndGet(Duration.ofMillis(30).toNanos());
                b[off] = 'a';
                return 1;
            }
        };
        assertThatThrownBy(() -> BodyLimit.read(trickle, 100, 1000, Duration.ofMillis(300), clock::get))
                .satisfies(status(408)).hasMessage("request body not received within 300 ms");
        assertThat(Duration.ofNanos(clock.get())).as("stopped at the deadline, not at the body's end").isLessThan(Duration.ofSeconds(2));
    }

    private static java.util.function.Consumer<Throwable> status(int expected) {
        return thrown -> assertThat(((HttpProblem) thrown).status()).isEqualTo(expected);
    }

    private static InputStream failing(Throwable failure) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                return read(new byte[1], 0, 1);
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                if (failure instanceof IOException io) {
                    throw io;
                }
                throw (RuntimeException) failure;
            }
        };
    }
}
