package org.benchtarget.e2e;

import org.benchtarget.bench.run.ExperimentRun;
import org.benchtarget.bench.run.RunOptions;
import org.benchtarget.bench.run.report.Reports;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bench run} starts a container-mode profile the way {@code bench serve} does (Jetty's start.jar on a fresh
 * jetty-base), measures it, samples Jetty's own process, and leaves neither a process nor the base behind.
 */
class ContainerRunIT {
    private static final Path OUT = Path.of("target", "bench-run", "container");

    @Test
    void benchRunMeasuresContainerMode() throws Exception {
        // failsafe runs in e2e/; bench finds the jetty-home and jetty-base under the clone's root
        System.setProperty("bench.home", Path.of("").toAbsolutePath().getParent().toString());
        Files.createDirectories(OUT);
        Files.deleteIfExists(OUT.resolve("results.json"));
        var experiment = OUT.resolve("container.properties");
        Files.writeString(experiment, """
                title=container mode through bench run
                seed=000
                profiles=jetty-container
                endpoints=/hello, /db
                load=concurrency
                levels=1, 8
                duration=1s
                runs=1
                restart=profile
                warmup=1s
                warmup.concurrency=4
                keepalive=on
                timeout=10s
                report=grid
                """);
        var options = new RunOptions(experiment.toString(), false, OUT, null, List.of(), List.of(), List.of(), null);

        assertThat(new ExperimentRun(options, System.out).run()).isZero();

        var results = Reports.read(OUT);
        assertThat(results.measurements()).hasSize(4).allSatisfy(m -> {
            assertThat(m.requests()).isPositive();
            assertThat(m.errors().total()).isZero();
            assertThat(m.knobs()).containsEntry("mode", "container");
            assertThat(m.resources().rssMaxMiB()).as("Jetty's RSS sampled").isPositive();
        });
        assertThat(Files.readString(OUT.resolve("logs").resolve("jetty-container-1.log"))).contains("Started oejs.Server");
        try (var logs = Files.list(OUT.resolve("logs"))) {
            assertThat(logs.map(path -> path.getFileName().toString())).as("the run's jetty-base is removed").noneMatch(name -> name.endsWith("jetty-base"));
        }
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList()).isEmpty();
    }
}
