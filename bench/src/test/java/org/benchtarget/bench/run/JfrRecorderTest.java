package org.benchtarget.bench.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** --profile-jfr's recorder against a real JVM (this one, through jcmd): a recording and its hottest methods. */
class JfrRecorderTest {

    @Test
    void recordsAndWritesTheHottestMethods(@TempDir Path folder) throws Exception {
        var recorder = new JfrRecorder(folder.resolve("jfr"));
        var self = ProcessHandle.current();
        recorder.start(self);
        long until = System.nanoTime() + 1_500_000_000L;
        double sink = 0;
        while (System.nanoTime() < until) {
            sink += Math.sqrt(sink + 1); // something to sample
        }
        var recording = recorder.stop(self, "self");
        assertThat(sink).isPositive();
        assertThat(recording).isRegularFile().hasFileName("self.jfr");
        assertThat(Files.readString(folder.resolve("jfr/self-hot-methods.txt"))).contains("Java Methods that Execute the Most", "JfrRecorderTest.recordsAndWritesTheHottestMethods");
    }
}
