package org.benchtarget.bench.soak;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class HttpAnswerTest {

    private static HttpAnswer parse(String text) {
        var bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return HttpAnswer.parse(bytes, bytes.length);
    }

    @Test
    void contentLengthBodyIsCompleteOnlyWhenAllOfItArrived() {
        var head = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n";
        assertThat(parse(head)).isNull();
        assertThat(parse(head + "hel")).isNull();
        assertThat(parse(head + "hello")).isEqualTo(new HttpAnswer(200, false, false));
    }

    @Test
    void chunkedBodyEndsWithTheZeroChunk() {
        var head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
        assertThat(parse(head + "5\r\nhello\r\n")).isNull();
        assertThat(parse(head + "5\r\nhello\r\n0\r\n")).isNull();
        assertThat(parse(head + "5\r\nhello\r\n3;x=y\r\nabc\r\n0\r\n\r\n")).isEqualTo(new HttpAnswer(200, false, false));
    }

    @Test
    void retryAfterAndConnectionCloseAreSeen() {
        assertThat(parse("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"))
                .isEqualTo(new HttpAnswer(503, true, true));
        assertThat(parse("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n")).as("HTTP/1.0 closes by default").isEqualTo(new HttpAnswer(200, false, true));
        assertThat(parse("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n")).isEqualTo(new HttpAnswer(200, false, false));
    }
}
