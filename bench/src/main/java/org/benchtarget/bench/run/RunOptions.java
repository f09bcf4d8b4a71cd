package org.benchtarget.bench.run;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What {@code bench run} was asked: the experiment, --quick, the output folder, a driver other than the
 * experiment's, a subset of its profiles, knobs for every profile (e.g. db=postgres), JVM options, CPU
 * pinning as {@code TARGET_CPUS:DRIVER_CPUS} (taskset lists, e.g. {@code 0:1}), and a running target to
 * load instead of starting the experiment's profiles ({@code --target URL}, else null), and with it when to begin
 * ({@code --start-at}, else null: now), so that several load hosts warm up and measure their levels together;
 * {@code profileJfr}: record each measured phase with JFR ({@link JfrRecorder}).
 */
public record RunOptions(String experiment, boolean quick, Path out, String driver, List<String> onlyProfiles,
                         List<String> sets, List<String> jvmOptions, String pin, URI target, Instant startAt,
                         boolean profileJfr) {

    public RunOptions(String experiment, boolean quick, Path out, String driver, List<String> onlyProfiles,
                      List<String> sets, List<String> jvmOptions, String pin, URI target, Instant startAt) {
        this(experiment, quick, out, driver, onlyProfiles, sets, jvmOptions, pin, target, startAt, false);
    }

    public RunOptions(String experiment, boolean quick, Path out, String driver, List<String> onlyProfiles,
                      List<String> sets, List<String> jvmOptions, String pin) {
        this(experiment, quick, out, driver, onlyProfiles, sets, jvmOptions, pin, null, null);
    }
}
