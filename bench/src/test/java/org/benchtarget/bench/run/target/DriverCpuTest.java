package org.benchtarget.bench.run.target;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The driver-bound flag: a pinned driver whose CPU is kept busy (here by a hog we start on it) is saturated. */
class DriverCpuTest {

    @Test
    void aDriverCoreKeptBusyByAHogIsSaturated() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/taskset")) && Files.exists(Path.of("/proc/stat")), "taskset and /proc needed");
        int cpu = Runtime.getRuntime().availableProcessors() - 1;
        var hog = new ProcessBuilder("/usr/bin/taskset", "-c", Integer.toString(cpu), "sh", "-c", "while :; do :; done").start();
        try {
            Thread.sleep(200);
            var driver = new DriverCpu(null, System.nanoTime(), Set.of(cpu));
            Thread.sleep(1_500);
            var reading = driver.stop(0, 1);
            assertThat(reading.saturated()).as("CPU %d kept busy by a hog", cpu).isTrue();
        } finally {
            hog.destroyForcibly();
            hog.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void anUnpinnedDriverIsSaturatedAtNinetyPercentOfEveryCoreItCanUse() {
        assertThat(DriverCpu.saturated(95, 1)).isTrue();
        assertThat(DriverCpu.saturated(60, 1)).isFalse();
        assertThat(DriverCpu.saturated(150, 2)).isFalse();
        assertThat(DriverCpu.saturated(185, 2)).isTrue();
        assertThat(DriverCpu.cpuList("0,2-3")).containsExactly(0, 2, 3);
        assertThat(DriverCpu.cpuList(null)).isEmpty();
    }
}
