package org.benchtarget.core.payload;

import org.benchtarget.core.web.HttpProblem;
import org.benchtarget.core.web.QueryParams;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BytesTest {

    private static byte[] body(String n, String query) {
        return Bytes.answer(n, QueryParams.ofQuery(query)).body().bytes();
    }

    @Test
    void contentFollowsThePublishedRule() throws Exception {
        // README publishes these (computed apart, in Python): the first bytes and the SHA-256 of three sizes
        assertThat(HexFormat.of().formatHex(body("8", null))).isEqualTo("3aabac26af231a71");
        assertThat(sha256(body("1024", null))).isEqualTo("017e05ef7f52e48b5e5c1a8d4a2fc870e23a9d4813179ebcb70724d084498077");
        assertThat(sha256(body("65536", null))).isEqualTo("8b42637992361d340efd5a57c8a83c6bd3cd3f059ca5320d79eb9a3566971155");
        assertThat(sha256(body(Integer.toString(Bytes.MAX), null))).isEqualTo("377208a299f0615eb91fdaece4e66e3bc6bdb930f46c7cb8ad6430b1eb998b8d");
        var all = body("100000", null);
        assertThat(java.util.Arrays.copyOfRange(all, 65_536, 100_000)).isEqualTo(java.util.Arrays.copyOf(all, 100_000 - 65_536));
        assertThat(body("0", null)).isEmpty();
        assertThat(body(Integer.toString(Bytes.MAX), null)).hasSize(Bytes.MAX);
    }

    @Test
    void chunkedOnlyWhenAsked() {
        assertThat(Bytes.answer("70000", QueryParams.ofQuery("chunked=1")).body().chunked()).isTrue();
        assertThat(Bytes.answer("70000", QueryParams.ofQuery("chunked=0")).body().chunked()).isFalse();
        assertThat(Bytes.answer("70000", QueryParams.EMPTY).body().blocks()).isTrue();
    }

    @Test
    void badSizesAndParametersAre400WithOneLine() {
        for (var bad : new String[] {"-1", "10485761", "abc", "1.5", "", "999999999", "0x10"}) {
            assertThatThrownBy(() -> body(bad, null)).as(bad).isInstanceOfSatisfying(HttpProblem.class, problem -> {
                assertThat(problem.status()).isEqualTo(400);
                assertThat(problem.reason()).doesNotContain("\n").contains("expected a number of bytes from 0 to 10485760");
            });
        }
        assertThatThrownBy(() -> body("10", "chunked=yes")).isInstanceOf(HttpProblem.class).hasMessageContaining("chunked=yes");
        assertThatThrownBy(() -> body("10", "size=3")).isInstanceOf(HttpProblem.class).hasMessageContaining("unknown parameter 'size'");
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
