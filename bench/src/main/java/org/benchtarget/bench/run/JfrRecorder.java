package org.benchtarget.bench.run;

import org.benchtarget.bench.BenchException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench run --profile-jfr}: a JDK Flight Recording (settings=profile) of the target's JVM during each measured
 * phase only (not its start or warm-up), started and stopped with the JDK's {@code jcmd}, then its hottest methods
 * ({@code jfr view hot-methods}) written beside it: where a request's time goes, per profile and endpoint. Daemon
 * mode records the front's JVM only. The recording costs the target a few per cent: measure figures without it.
 */
final class JfrRecorder {
    private static final String NAME = "bench-measure";
    private static final long TOOL_SECONDS = 60;

    private final Path folder;
    private final Path bin;

    /** Recordings go to {@code folder}; the tools are the ones of the JDK bench runs on (the targets' JDK). */
    JfrRecorder(Path folder) {
        this.folder = folder;
        this.bin = Path.of(System.getProperty("java.home"), "bin");
        if (!Files.isExecutable(bin.resolve("jcmd")) || !Files.isExecutable(bin.resolve("jfr"))) {
            throw new BenchException("--profile-jfr needs jcmd and jfr of a full JDK; " + bin + " has not both");
        }
    }

    void start(ProcessHandle target) throws IOException, InterruptedException {
        tool("jcmd", Long.toString(target.pid()), "JFR.start", "name=" + NAME, "settings=profile");
    }

    /** Stops the recording into {@code NAME.jfr} and writes {@code NAME-hot-methods.txt}; returns the recording. */
    Path stop(ProcessHandle target, String name) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        var recording = folder.resolve(name + ".jfr");
        tool("jcmd", Long.toString(target.pid()), "JFR.stop", "name=" + NAME, "filename=" + recording.toAbsolutePath());
        var hot = tool("jfr", "view", "--width", "200", "hot-methods", recording.toString());
        Files.writeString(folder.resolve(name + "-hot-methods.txt"), hot);
        return recording;
    }

    private String tool(String command, String... arguments) throws IOException, InterruptedException {
        var line = new ArrayList<>(List.of(bin.resolve(command).toString()));
        line.addAll(List.of(arguments));
        var process = new ProcessBuilder(line).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(TOOL_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new BenchException("--profile-jfr: " + String.join(" ", line) + " failed: " + output.strip().lines().findFirst().orElse(""));
        }
        return output;
    }
}
