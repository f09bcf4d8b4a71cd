package org.benchtarget.core.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoopbackLiteralTest {

    @Test
    void peersAsServletContainersReportThem() {
        assertThat(WebRequest.isLoopbackLiteral("127.0.0.1")).isTrue();
        assertThat(WebRequest.isLoopbackLiteral("127.1.2.3")).isTrue();
        assertThat(WebRequest.isLoopbackLiteral("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(WebRequest.isLoopbackLiteral("[::1]")).isTrue();
        assertThat(WebRequest.isLoopbackLiteral("::ffff:127.0.0.1")).isTrue();
        assertThat(WebRequest.isLoopbackLiteral("10.0.0.7")).isFalse();
        assertThat(WebRequest.isLoopbackLiteral("1.127.0.0")).isFalse();
        assertThat(WebRequest.isLoopbackLiteral(null)).isFalse();
    }
}
