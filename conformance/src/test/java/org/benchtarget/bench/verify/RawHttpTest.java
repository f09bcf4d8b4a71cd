package org.benchtarget.bench.verify;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RawHttpTest {

    private static boolean complete(String text) {
        return RawHttp.complete(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void anAnswerIsCompleteOnceItsHeadAndDeclaredBodyArrived() {
        assertThat(complete("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello")).isTrue();
        assertThat(complete("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhel")).isFalse();
        assertThat(complete("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n")).isFalse();
        assertThat(complete("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")).isTrue();
        assertThat(complete("HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\n\r\n")).isTrue();
    }

    @Test
    void interimAnswersAreReadPastAndChunkedBodiesEndWithTheLastChunk() {
        assertThat(complete("HTTP/1.1 100 Continue\r\n\r\n")).isFalse();
        assertThat(complete("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")).isTrue();
        assertThat(complete("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n")).isFalse();
        assertThat(complete("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n")).isTrue();
    }

    @Test
    void withoutALengthTheBodyEndsWithTheConnection() {
        assertThat(complete("HTTP/1.0 200 OK\r\n\r\nsome")).isFalse();
        assertThat(complete("")).isFalse();
    }
}
