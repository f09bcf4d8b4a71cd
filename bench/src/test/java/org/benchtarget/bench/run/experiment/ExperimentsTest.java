package org.benchtarget.bench.run.experiment;

import org.benchtarget.bench.BenchException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExperimentsTest {

    @Test
    void everyShippedExperimentParsesInBothForms() {
        assertThat(Experiments.names()).containsExactly("seed-000", "seed-001", "seed-001-stores", "seed-002", "seed-003", "seed-004", "targets-000", "ceilings-000", "ceilings-001", "fixture-check", "fixture-hold", "protocols", "protocols-handshakes", "daemon-fronts", "driver-conns", "driver-keepalive", "daemon-fronts-keepalive");
        for (var name : Experiments.names()) {
            for (boolean quick : List.of(false, true)) {
                var experiment = Experiments.load(name, quick);
                assertThat(experiment.profiles()).isNotEmpty();
                assertThat(experiment.endpoints()).isNotEmpty();
                assertThat(experiment.requests() > 0 || !experiment.duration().isZero()).isTrue();
            }
        }
    }

    @Test
    void ceilings001WarmsUpWholeAndPairsEachTargetWithItsCeiling() {
        var full = Experiments.load("ceilings-001", false);
        assertThat(full.warmupWhole()).isTrue();
        assertThat(full.warmup()).isEqualTo(Duration.ofSeconds(60));
        assertThat(full.profiles()).extracting(ProfileRef::profile).containsExactly("undertow-nio", "ceiling-undertow", "jetty-nio",
                "ceiling-jetty", "jetty-threads", "ceiling-jetty-servlet", "spring-jetty", "ceiling-spring", "ceiling-nginx");
        assertThat(Experiments.load("seed-000", false).warmupWhole()).isFalse();
        assertThatThrownBy(() -> parse("profiles=a", "endpoints=/x", "levels=1", "requests=1", "warmup.whole=sometimes"))
                .hasMessageContaining("warmup.whole=sometimes");
    }

    @Test
    void seed000IsTheSeedsShape() {
        var full = Experiments.load("seed-000", false);
        assertThat(full.levels()).containsExactly(1, 125, 250, 375, 500);
        assertThat(full.requests()).isEqualTo(500);
        assertThat(full.runs()).isEqualTo(5);
        assertThat(full.restart()).isEqualTo(Experiment.Restart.RUN);
        assertThat(full.endpoints()).containsExactly("/hello", "/db");
        assertThat(full.keepalive()).isFalse();
        var quick = Experiments.load("seed-000", true);
        assertThat(quick.quick()).isTrue();
        assertThat(quick.runs()).isEqualTo(2);
        assertThat(quick.requests()).isEqualTo(500);
    }

    @Test
    void aQuickRunHasItsOwnTitleAndRunCount() {
        var full = Experiments.load("seed-003", false);
        assertThat(full.title()).contains("5,000 requests");
        var quick = Experiments.load("seed-003", true);
        assertThat(quick.title()).isEqualTo("/hello.txt and /hello: 2,000 requests at concurrency 10, 100 and 500, 1 run (quick form)");
        assertThat(quick.notes()).isEqualTo("--quick: 1 run per cell (the full run: 3 runs, and its own profiles and levels)")
                .doesNotContain("median of 3");
        assertThat(Experiments.load("seed-000", true).title()).contains("2 runs (quick form)");
    }

    @Test
    void seed003ListsTheDaemonVariantsAsOptional() {
        var experiment = Experiments.load("seed-003", false);
        assertThat(experiment.levels()).containsExactly(10, 100, 200, 500, 1000);
        assertThat(experiment.requests()).isEqualTo(5000);
        assertThat(experiment.layout()).isEqualTo(Experiment.Layout.GRID);
        assertThat(experiment.profiles()).extracting(ProfileRef::profile)
                .contains("daemon-p2-t10", "daemon-p2-t100", "daemon-p20-t10");
        assertThat(experiment.profiles().stream().filter(ProfileRef::optional).map(ProfileRef::profile))
                .allMatch(name -> name.startsWith("daemon-"));
    }

    @Test
    void profileEntriesCarryKnobs() {
        var ref = ProfileRef.parse(" undertow-threads+wall.queries=naive+gzip=on? ");
        assertThat(ref.label()).isEqualTo("undertow-threads+wall.queries=naive+gzip=on");
        assertThat(ref.profile()).isEqualTo("undertow-threads");
        assertThat(ref.sets()).containsExactly("wall.queries=naive", "gzip=on");
        assertThat(ref.optional()).isTrue();
    }

    @Test
    void labelsSayWhatVaries() {
        var experiment = parse("profiles=jetty-threads, jetty-threads+gzip=on+db=h2, undertow-nio+db=h2, daemon-p5-t1+processes=4+threads=1 as P=4 T=1",
                "endpoints=/x", "levels=1", "requests=1");
        assertThat(experiment.profiles()).extracting(ProfileRef::label)
                .containsExactly("jetty-threads", "jetty-threads gzip db=h2", "undertow-nio db=h2", "P=4 T=1");
        assertThat(experiment.profiles().get(3).entry()).isEqualTo("daemon-p5-t1+processes=4+threads=1");
        // a set every entry shares says nothing about what varies
        assertThat(parse("profiles=a+gzip=on+db=h2, b+gzip=on", "endpoints=/x", "levels=1", "requests=1").profiles())
                .extracting(ProfileRef::label).containsExactly("a db=h2", "b");
        assertThat(Experiments.load("seed-004", false).profiles()).extracting(ProfileRef::label)
                .contains("P=1 T=1", "P=16 T=1", "P=1 T=10", "P=16 T=10").allMatch(label -> !label.contains("+"));
        assertThat(Experiments.load("seed-003", false).profiles()).extracting(ProfileRef::label)
                .contains("undertow-nio", "daemon p=2 t=10");
    }

    @Test
    void everySeedDeclaresItsShapeAndTargetsDoNot() {
        for (var name : List.of("seed-000", "seed-001", "seed-002", "seed-003", "seed-004")) {
            for (boolean quick : List.of(false, true)) {
                assertThat(Experiments.load(name, quick).shape()).as("%s quick=%s", name, quick).isNotNull();
            }
        }
        assertThat(Experiments.load("seed-004", false).shape().x()).isEqualTo("processes");
        assertThat(Experiments.load("seed-004", false).shape().seriesName()).isEqualTo("T");
        assertThat(Experiments.load("targets-000", false).shape()).isNull();
    }

    @Test
    void badShapesAreOneLine() {
        assertThatThrownBy(() -> parse("profiles=a", "endpoints=/x", "levels=1", "requests=1", "shape.x=level", "shape.metrics=speed"))
                .hasMessage("experiment t: shape.metrics: 'speed' is not one of req/s, p99, ms/req, journeys/s, failures/10k, error-onset");
        assertThatThrownBy(() -> parse("profiles=a", "endpoints=/x", "levels=1", "requests=1", "shape.x=Level!", "shape.metrics=p99"))
                .hasMessage("experiment t: shape.x=Level!: expected level, step or a knob name");
        assertThatThrownBy(() -> parse("profiles=a", "endpoints=/x", "levels=1", "requests=1", "shape.metrics=p99"))
                .hasMessage("experiment t: shape.x is missing (level, step or a knob name)");
        assertThatThrownBy(() -> parse("profiles=a", "endpoints=/x", "levels=1", "requests=1", "shape.x=level"))
                .hasMessage("experiment t: shape.metrics is missing (e.g. req/s, p99)");
        assertThatThrownBy(() -> parse("profiles=a", "endpoints=/x", "levels=1", "requests=1", "shape.x=level", "shape.metrics=error-onset"))
                .hasMessageStartingWith("experiment t: shape.metrics: error-onset folds the levels into one number");
        assertThatThrownBy(() -> parse("profiles=a", "endpoints=/x", "levels=1", "requests=1", "shape.x=threads",
                "shape.series=threads", "shape.metrics=p99"))
                .hasMessage("experiment t: shape.series and shape.x are both threads");
        assertThatThrownBy(() -> parse("profiles=a", "endpoints=/x", "levels=1", "requests=1", "shape.x=step",
                "shape.series=Two Words", "shape.metrics=p99"))
                .hasMessageStartingWith("experiment t: shape.series=Two Words: expected profile, endpoint");
    }

    @Test
    void unknownExperimentIsOneLine() {
        assertThatThrownBy(() -> Experiments.load("seed-999", false))
                .isInstanceOf(BenchException.class)
                .hasMessage("unknown experiment 'seed-999'; known: seed-000, seed-001, seed-001-stores, seed-002, seed-003, seed-004, targets-000, ceilings-000, ceilings-001, fixture-check, fixture-hold, protocols, protocols-handshakes, daemon-fronts, driver-conns, driver-keepalive, daemon-fronts-keepalive");
    }

    @Test
    void badDefinitionsNameTheKey() {
        assertThatThrownBy(() -> parse("profiles=a", "endpoints=/x", "levels=1", "requests=1", "colour=blue"))
                .hasMessageContaining("'colour=blue' is not one of");
        assertThatThrownBy(() -> parse("profiles=a", "endpoints=/x", "levels=1, x", "requests=1"))
                .hasMessage("experiment t: levels=x: expected a positive number");
        assertThatThrownBy(() -> parse("profiles=a", "endpoints=/x", "levels=1", "requests=1", "load=sideways"))
                .hasMessage("experiment t: load=sideways: expected one of concurrency, rate");
        assertThatThrownBy(() -> parse("profiles=a", "endpoints=/x", "levels=1", "duration=soon"))
                .hasMessageContaining("duration=soon: expected a duration");
        assertThatThrownBy(() -> parse("profiles=a", "endpoints=/x", "levels=1", "runs=1", "runs=2"))
                .hasMessage("experiment t: runs given twice");
        assertThatThrownBy(() -> parse("endpoints=/x", "levels=1"))
                .hasMessage("experiment t: profiles is missing");
    }

    @Test
    void quickKeysReplaceOnlyUnderQuick() {
        var lines = List.of("profiles=a, b", "endpoints=/x", "levels=1, 2", "duration=10s", "quick.levels=1", "quick.duration=2s");
        assertThat(Experiments.parse("t", lines, false).levels()).containsExactly(1, 2);
        var quick = Experiments.parse("t", lines, true);
        assertThat(quick.levels()).containsExactly(1);
        assertThat(quick.duration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(quick.measurementCount()).isEqualTo(2);
    }

    private static Experiment parse(String... lines) {
        return Experiments.parse("t", List.of(lines), false);
    }
}
