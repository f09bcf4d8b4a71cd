package org.benchtarget.bench.verify;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnswersTest {

    @Test
    void rawAnswersParseIncludingNoneAndGarbage() {
        assertThat(RawHttp.parse(new byte[0]).status()).isEqualTo(-1);
        assertThat(RawHttp.parse("SSH-2.0-OpenSSH\r\n".getBytes(StandardCharsets.ISO_8859_1)).status()).isEqualTo(-2);
        var answer = RawHttp.parse("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: 4\r\n\r\nbad\nEXTRA"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).isEqualTo("text/plain");
        assertThat(answer.text()).isEqualTo("bad\n");
    }

    @Test
    void aRefusalIsA4xxWithAOneLineReasonOrAClose() {
        assertThatCode(() -> Answers.refused("close", raw(""))).doesNotThrowAnyException();
        assertThatCode(() -> Answers.refused("bare", raw("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"))).doesNotThrowAnyException();
        assertThatCode(() -> Answers.refused("plain", raw("HTTP/1.1 431 Too Large\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nheaders too large\n")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Answers.refused("5xx", raw("HTTP/1.1 500 Oops\r\nContent-Type: text/plain\r\n\r\nfault\n")))
                .hasMessageContaining("status 500");
        assertThatThrownBy(() -> Answers.refused("200", raw("HTTP/1.1 200 OK\r\n\r\n"))).hasMessageContaining("status 200");
        assertThatThrownBy(() -> Answers.refused("html", raw("HTTP/1.1 400 Bad\r\nContent-Type: text/html\r\n\r\n<html><body>Error 400</body></html>")))
                .hasMessageContaining("one-line text/plain");
        assertThatThrownBy(() -> Answers.refused("lines", raw("HTTP/1.1 400 Bad\r\nContent-Type: text/plain\r\n\r\nfirst\nsecond\n")))
                .hasMessageContaining("not one line");
        // the app's own HTML pages (a sign-in form with its error) carry the app's CSP
        assertThatCode(() -> Answers.refused("form", raw("HTTP/1.1 401 No\r\nContent-Type: text/html\r\nContent-Security-Policy: default-src 'self'\r\n\r\n<!DOCTYPE html>\n<form>")))
                .doesNotThrowAnyException();
    }

    @Test
    void leaksFindStackTracesSqlAndCredentialsButNotAnEcho() {
        var leaks = new Leaks("s3cr3t-value");
        assertThatThrownBy(() -> leaks.errorAnswer("GET /x", raw("HTTP/1.1 500 E\r\n\r\njava.lang.IllegalStateException: x\n\tat org.benchtarget.App.handle(App.java:1)")))
                .hasMessageContaining("internals");
        assertThatThrownBy(() -> leaks.errorAnswer("GET /x", raw("HTTP/1.1 400 E\r\n\r\nERROR: syntax error at or near \"'\"")))
                .hasMessageContaining("internals");
        assertThatThrownBy(() -> leaks.anyAnswer("/info", raw("HTTP/1.1 200 OK\r\n\r\n{\"db.url\" : \"jdbc:postgresql://h/db?password=hunter2\"}")))
                .hasMessageContaining("credential");
        assertThatThrownBy(() -> leaks.anyAnswer("/info", raw("HTTP/1.1 200 OK\r\n\r\n{\"password\" : \"hunter2\"}")))
                .hasMessageContaining("credential");
        assertThatThrownBy(() -> leaks.anyAnswer("/metrics", raw("HTTP/1.1 200 OK\r\n\r\nkey s3cr3t-value"))).hasMessageContaining("secret");
        assertThatCode(() -> leaks.anyAnswer("/info", raw("HTTP/1.1 200 OK\r\n\r\n{\"db.password\" : \"(set)\", \"password\" : \"\"}")))
                .doesNotThrowAnyException();
        assertThatCode(() -> leaks.errorAnswer("GET /wall/1 UNION SELECT x FROM users", raw("HTTP/1.1 404 N\r\n\r\nno such resource: '1+UNION+SELECT+x+FROM+users'\n")))
                .doesNotThrowAnyException();
    }

    private static HttpProbe.Response raw(String text) {
        return RawHttp.parse(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
