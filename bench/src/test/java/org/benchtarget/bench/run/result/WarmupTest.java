package org.benchtarget.bench.run.result;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Steady state: from which warm-up round on req/s stayed within 5% of the last round's. */
class WarmupTest {

    @Test
    void steadyFromTheFirstRoundOfTheLastRunWithinFivePercent() {
        var rounds = List.of(new Warmup.Round(0, 5_000), new Warmup.Round(3, 9_000), new Warmup.Round(6, 9_700),
                new Warmup.Round(9, 10_000), new Warmup.Round(12, 9_900));
        assertThat(Warmup.steadySeconds(rounds)).isEqualTo(6.0);
    }

    @Test
    void aDipBeyondTheBandRestartsTheCount() {
        var rounds = List.of(new Warmup.Round(0, 10_000), new Warmup.Round(3, 8_000), new Warmup.Round(6, 10_000),
                new Warmup.Round(9, 10_100));
        assertThat(Warmup.steadySeconds(rounds)).isEqualTo(6.0);
    }

    @Test
    void aLateRiseIsNotSteadyBeforeIt() {
        var rounds = List.of(new Warmup.Round(0, 11_900), new Warmup.Round(3, 13_500), new Warmup.Round(6.04, 20_600));
        assertThat(Warmup.steadySeconds(rounds)).isEqualTo(6.0);
        assertThat(Warmup.steadySeconds(List.of(new Warmup.Round(0.5, 100)))).isEqualTo(0.5);
        assertThat(Warmup.steadySeconds(List.of())).isNull();
    }
}
