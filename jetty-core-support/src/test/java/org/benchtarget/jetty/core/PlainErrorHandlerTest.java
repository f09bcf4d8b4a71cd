package org.benchtarget.jetty.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainErrorHandlerTest {

    @Test
    void reasonIsTheStatusPlusJettysMessageOnOneLine() {
        assertThat(PlainErrorHandler.reason(400, "Illegal character CNTL=0x0")).isEqualTo("bad request: Illegal character CNTL=0x0\n");
        assertThat(PlainErrorHandler.reason(431, null)).isEqualTo("request header fields too large\n");
        assertThat(PlainErrorHandler.reason(400, "Bad Request")).isEqualTo("bad request\n");
    }

    @Test
    void aMultiLineOrHostileMessageBecomesOneLineOfPlainText() {
        assertThat(PlainErrorHandler.reason(400, "first\nsecond\r\nthird")).isEqualTo("bad request: first\n");
        assertThat(PlainErrorHandler.reason(400, "<script>x</script>\u0000\u00ff")).isEqualTo("bad request: <script>x</script>??\n");
    }
}
