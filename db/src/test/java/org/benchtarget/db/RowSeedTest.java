package org.benchtarget.db;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.Deflater;

import static org.assertj.core.api.Assertions.assertThat;

class RowSeedTest {

    @Test
    void tenRowsOfExactly2500AsciiCharacters() {
        var bodies = RowSeed.bodies();
        assertThat(bodies).hasSize(10);
        for (var body : bodies) {
            assertThat(body).hasSize(2_500);
            assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(2_500);
            assertThat(body).matches("[A-Za-z ,.]+").endsWith(".");
        }
        assertThat(bodies).doesNotHaveDuplicates();
    }

    @Test
    void bodiesCompressLikeTextNotLikeARepeatedCharacter() {
        for (var body : RowSeed.bodies()) {
            double ratio = (double) deflatedSize(body) / body.length();
            assertThat(ratio).as("compressed/original").isBetween(0.25, 0.6);
        }
    }

    /** The digests README publishes: if this fails, the seed changed and README and verify must change with it. */
    @Test
    void digestsAreThePublishedOnes() throws Exception {
        var digest = MessageDigest.getInstance("SHA-256");
        var bodies = RowSeed.bodies();
        for (int i = 0; i < bodies.size(); i++) {
            var hex = HexFormat.of().formatHex(digest.digest(bodies.get(i).getBytes(StandardCharsets.UTF_8)));
            assertThat(hex).as("row %d", i + 1).isEqualTo(PublishedDigests.ROWS.get(i));
        }
    }

    private static int deflatedSize(String text) {
        var deflater = new Deflater();
        deflater.setInput(text.getBytes(StandardCharsets.US_ASCII));
        deflater.finish();
        var buffer = new byte[8192];
        int size = deflater.deflate(buffer);
        deflater.end();
        return size;
    }
}
