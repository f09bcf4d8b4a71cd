package org.benchtarget.core.config;

import org.benchtarget.core.config.Modes.Cache;
import org.benchtarget.core.config.Modes.Workers;
import org.benchtarget.db.DbKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsParserTest {

    @Test
    void defaultProfileIsUndertowNioOnH2() {
        var settings = SettingsParser.parse(null, Map.of(), List.of());
        assertThat(settings.profile()).isEqualTo("undertow-nio");
        assertThat(settings.workers()).isEqualTo(Workers.NIO);
        assertThat(settings.db().kind()).isEqualTo(DbKind.H2);
        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.gzip()).isFalse();
    }

    @Test
    void setWinsOverEnvironmentWhichWinsOverProfile() {
        var settings = SettingsParser.parse("undertow-threads-gzip", Map.of("BENCH_GZIP", "off", "BENCH_CACHE", "data"),
                List.of("cache=page", "io-threads=3"));
        assertThat(settings.workers()).isEqualTo(Workers.THREADS);
        assertThat(settings.gzip()).as("environment over profile").isFalse();
        assertThat(settings.cache()).as("--set over environment").isEqualTo(Cache.PAGE);
        assertThat(settings.ioThreads()).isEqualTo(3);
    }

    @Test
    void fromArgsTakesProfileAndSets() {
        var settings = SettingsParser.fromArgs(List.of("undertow-virtual", "--set", "port=0", "--set=gzip=on", "cache=data"), Map.of());
        assertThat(settings.workers()).isEqualTo(Workers.VIRTUAL);
        assertThat(settings.port()).isZero();
        assertThat(settings.gzip()).isTrue();
        assertThat(settings.cache()).isEqualTo(Cache.DATA);
    }

    @Test
    void postgresDefaultsAndSecretsNeverInEffectiveValues() {
        var settings = SettingsParser.parse(null, Map.of(), List.of("db=postgres", "db.password=hunter2", "secret=s3cr3t"));
        assertThat(settings.db().url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/benchtarget");
        assertThat(settings.db().password()).isEqualTo("hunter2");
        assertThat(settings.effective().values()).doesNotContain("hunter2", "s3cr3t");
    }

    @Test
    void unknownKnobNamesTheKnob() {
        assertThatThrownBy(() -> SettingsParser.parse(null, Map.of(), List.of("gzipp=on")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("unknown knob 'gzipp'");
    }

    @Test
    void badValuesNameKnobAndAllowedValues() {
        assertThatThrownBy(() -> SettingsParser.parse(null, Map.of(), List.of("workers=fibers")))
                .hasMessage("workers=fibers: expected one of threads, nio, virtual");
        assertThatThrownBy(() -> SettingsParser.parse(null, Map.of(), List.of("threads=0")))
                .hasMessage("threads=0: expected a number from 1 to 10000");
        assertThatThrownBy(() -> SettingsParser.parse(null, Map.of(), List.of("port=http")))
                .hasMessageStartingWith("port=http: expected a number");
        assertThatThrownBy(() -> SettingsParser.parse(null, Map.of("BENCH_GZIP", "yes"), List.of()))
                .hasMessage("gzip=yes: expected one of on, off");
        assertThatThrownBy(() -> SettingsParser.parse(null, Map.of(), List.of("shutdown.timeout=forever")))
                .hasMessageStartingWith("shutdown.timeout=forever");
    }

    @Test
    void surveyDraftTtlTakesMinutesAndHoursAndMustBePositive() {
        assertThat(SettingsParser.parse(null, Map.of(), List.of()).surveyDraftTtl()).isEqualTo(java.time.Duration.ofHours(24));
        assertThat(SettingsParser.parse(null, Map.of(), List.of("survey.draft-ttl=30m")).surveyDraftTtl()).isEqualTo(java.time.Duration.ofMinutes(30));
        assertThatThrownBy(() -> SettingsParser.parse(null, Map.of(), List.of("survey.draft-ttl=0s")))
                .hasMessageStartingWith("survey.draft-ttl=0s: expected a duration of more than 0");
        assertThatThrownBy(() -> SettingsParser.parse(null, Map.of(), List.of("survey.draft-ttl=1d")))
                .hasMessageStartingWith("survey.draft-ttl=1d: expected a duration");
    }

    @Test
    void dbWaitIsZeroByDefaultAndTakesDurationsOnly() {
        assertThat(SettingsParser.parse(null, Map.of(), List.of()).dbWait()).isZero();
        assertThat(SettingsParser.parse(null, Map.of("BENCH_DB_WAIT", "10m"), List.of()).dbWait()).hasMinutes(10);
        assertThatThrownBy(() -> SettingsParser.parse(null, Map.of(), List.of("db.wait=-1s")))
                .hasMessageStartingWith("db.wait=-1s: expected a duration");
        assertThatThrownBy(() -> SettingsParser.parse(null, Map.of(), List.of("db.wait=forever")))
                .hasMessageStartingWith("db.wait=forever: expected a duration");
    }

    @Test
    void repeatedAndMalformedSetsAreRefused() {
        assertThatThrownBy(() -> SettingsParser.parse(null, Map.of(), List.of("gzip=on", "gzip=off")))
                .hasMessage("--set gzip: given twice");
        assertThatThrownBy(() -> SettingsParser.parse(null, Map.of(), List.of("gzip")))
                .hasMessageContaining("expected knob=value");
        assertThatThrownBy(() -> SettingsParser.fromArgs(List.of("undertow-nio", "extra"), Map.of()))
                .hasMessageContaining("unexpected argument 'extra'");
    }

    @Test
    void contradictoryDatabaseKnobsAreRefused() {
        assertThatThrownBy(() -> SettingsParser.parse(null, Map.of(), List.of("db=h2", "db.url=jdbc:postgresql://x/y")))
                .hasMessageContaining("does not fit db=h2");
        assertThatThrownBy(() -> SettingsParser.parse(null, Map.of(), List.of("db=postgres", "db.url=jdbc:h2:mem:x")))
                .hasMessageContaining("does not fit db=postgres");
    }

    @Test
    void unknownProfileListsTheKnownOnes() {
        assertThatThrownBy(() -> SettingsParser.parse("tomcat-nio", Map.of(), List.of()))
                .hasMessageStartingWith("unknown profile 'tomcat-nio'; known: undertow-nio");
        assertThatThrownBy(() -> SettingsParser.parse("../etc/passwd", Map.of(), List.of()))
                .hasMessageStartingWith("unknown profile");
    }

    @Test
    void warmUpKnobsAreReadAndBadValuesRefused() {
        var fixture = SettingsParser.parse(null, Map.of(), List.of("warmup=500", "warmup.jit-quiet=1500ms", "warmup.when=any")).fixture();
        assertThat(fixture.warmup()).isEqualTo(500);
        assertThat(fixture.warmupJitQuiet()).isEqualTo(java.time.Duration.ofMillis(1500));
        assertThat(fixture.warmupAny()).isTrue();
        var defaults = SettingsParser.parse(null, Map.of(), List.of()).fixture();
        assertThat(defaults.warmupJitQuiet()).isZero();
        assertThat(defaults.warmupAny()).isFalse();

        assertThatThrownBy(() -> SettingsParser.parse(null, Map.of(), List.of("warmup.jit-quiet=5")))
                .hasMessage("warmup.jit-quiet=5: expected a duration such as 500ms, 10s, 30m or 24h");
        assertThatThrownBy(() -> SettingsParser.parse(null, Map.of(), List.of("warmup.jit-quiet=-1s")))
                .hasMessageStartingWith("warmup.jit-quiet=-1s: expected a duration");
        assertThatThrownBy(() -> SettingsParser.parse(null, Map.of(), List.of("warmup.jit-quiet=quiet")))
                .hasMessageStartingWith("warmup.jit-quiet=quiet: expected a duration");
        assertThatThrownBy(() -> SettingsParser.parse(null, Map.of(), List.of("warmup.jit-quiet=11m")))
                .hasMessage("warmup.jit-quiet=11m: expected at most 10m");
        assertThatThrownBy(() -> SettingsParser.parse(null, Map.of("BENCH_WARMUP_JIT_QUIET", "2h"), List.of()))
                .hasMessage("warmup.jit-quiet=2h: expected at most 10m");
        assertThatThrownBy(() -> SettingsParser.parse(null, Map.of(), List.of("warmup.when=both")))
                .hasMessage("warmup.when=both: expected one of all, any");
        assertThatThrownBy(() -> SettingsParser.parse(null, Map.of(), List.of("warmup=-1")))
                .hasMessage("warmup=-1: expected a number from 0 to 10000000");
    }

    @Test
    void targetRefusesWhatItCannotRun() {
        var support = new TargetSupport("undertow", java.util.EnumSet.of(Workers.NIO), java.util.EnumSet.of(Modes.Mode.IN_PROCESS), "no pool");
        var threads = SettingsParser.parse("undertow-threads", Map.of(), List.of());
        assertThatThrownBy(() -> support.check(threads)).hasMessage("workers=threads: not supported by undertow (no pool)");
        var daemon = SettingsParser.parse("undertow-nio", Map.of(), List.of("mode=daemon"));
        assertThatThrownBy(() -> support.check(daemon)).hasMessageStartingWith("mode=daemon: not supported by undertow");
    }

    @Test
    void injectionKnobsAreValidatedAtStart() {
        var settings = SettingsParser.parse(null, Map.of(), List.of("inject.delay.db=lognormal(20ms,5ms)", "inject.fail.hello=503@0.01"));
        assertThat(settings.fixture().injections()).containsEntry("inject.delay.db", "lognormal(20ms,5ms)").hasSize(2);
        assertThat(settings.fixture().injectHeaders()).isFalse();
        assertThatThrownBy(() -> SettingsParser.parse(null, Map.of(), List.of("inject.delay.db=soon")))
                .hasMessageStartingWith("inject.delay.db=soon: delay 'soon': expected 50ms");
        assertThatThrownBy(() -> SettingsParser.parse(null, Map.of(), List.of("inject.delay.db=20s")))
                .hasMessageContaining("over inject.max-delay");
        assertThatThrownBy(() -> SettingsParser.parse(null, Map.of(), List.of("inject.fail.db=200")))
                .hasMessageStartingWith("inject.fail.db=200: fail '200'");
        assertThatThrownBy(() -> SettingsParser.parse(null, Map.of(), List.of("inject.seed=x")))
                .hasMessage("inject.seed=x: expected a whole number");
    }

    @Test
    void overloadLimitsHaveDefaultsAndBounds() {
        var defaults = SettingsParser.parse(null, Map.of(), List.of());
        assertThat(defaults.backlog()).isEqualTo(4096);
        assertThat(defaults.maxConnections()).isEqualTo(10_000);
        assertThat(defaults.dbPoolTimeout()).isEqualTo(java.time.Duration.ofSeconds(2));
        var set = SettingsParser.parse(null, Map.of(), List.of("backlog=128", "max-connections=50000", "db.pool-timeout=500ms"));
        assertThat(set.backlog()).isEqualTo(128);
        assertThat(set.maxConnections()).isEqualTo(50_000);
        assertThat(set.dbPoolTimeout()).isEqualTo(java.time.Duration.ofMillis(500));
        assertThatThrownBy(() -> SettingsParser.parse(null, Map.of(), List.of("backlog=0")))
                .hasMessage("backlog=0: expected a number from 1 to 65535");
        assertThatThrownBy(() -> SettingsParser.parse(null, Map.of(), List.of("max-connections=lots")))
                .hasMessage("max-connections=lots: expected a number from 1 to 1000000");
        assertThatThrownBy(() -> SettingsParser.parse(null, Map.of(), List.of("db.pool-timeout=100ms")))
                .hasMessage("db.pool-timeout=100ms: expected at least 250ms (HikariCP's minimum)");
    }

    @Test
    void everyShippedProfileParses() {
        for (var name : Profiles.names()) {
            assertThat(SettingsParser.parse(name, Map.of(), List.of()).profile()).isEqualTo(name);
        }
    }
}
