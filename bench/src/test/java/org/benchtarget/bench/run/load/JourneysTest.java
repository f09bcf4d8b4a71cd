package org.benchtarget.bench.run.load;

import org.benchtarget.bench.BenchException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JourneysTest {

    @Test
    void aPathIsAGet() {
        assertThat(Journeys.workload("/hello")).isEqualTo(new Workload.Get("/hello"));
    }

    @Test
    void anUnknownJourneyIsOneLine() {
        assertThatThrownBy(() -> Journeys.workload("journey:checkout"))
                .isInstanceOf(BenchException.class)
                .hasMessage("journey checkout is not available in this build (known: login-wall, seven-surveys)");
    }

    @Test
    void badEntriesAreRefused() {
        assertThatThrownBy(() -> Journeys.workload("hello")).hasMessageContaining("expected /path or journey:NAME");
        assertThatThrownBy(() -> Journeys.workload("journey:login-wall?users")).hasMessageContaining("'users' is not key=value");
        assertThatThrownBy(() -> Journeys.workload("journey:login-wall?users=x&password=p")).hasMessageContaining("'x' is not a number");
        assertThatThrownBy(() -> Journeys.workload("journey:login-wall")).hasMessageContaining("needs password=");
        assertThatThrownBy(() -> Journeys.workload("journey:seven-surveys?retry=-1")).hasMessageContaining("retry=0..100");
        assertThatThrownBy(() -> Journeys.workload("journey:seven-surveys?surveys=8")).hasMessageContaining("surveys=1..7");
    }

    @Test
    void unknownDriversAndKindsOfLoad() {
        assertThatThrownBy(() -> Drivers.named("jmeter")).hasMessage("unknown driver 'jmeter'; known: embedded, ab, wrk, httperf, h2load");
        assertThat(new AbDriver().cannotDrive(org.benchtarget.bench.run.experiment.Experiment.LoadKind.RATE, new Workload.Get("/")))
                .contains("ab drives a concurrency");
        assertThat(new HttperfDriver().cannotDrive(org.benchtarget.bench.run.experiment.Experiment.LoadKind.CONCURRENCY, new Workload.Get("/")))
                .contains("httperf drives a rate");
    }
}
