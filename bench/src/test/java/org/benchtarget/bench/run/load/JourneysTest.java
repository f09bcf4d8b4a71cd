package org.benchtarget.bench.run.load;

import org.benchtarget.bench.BenchException;
import org.junit.jupiter.api.Test;

import java.util.List;

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
                .hasMessage("journey checkout is not available in this build (known: login-wall, seven-surveys, wall)");
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
    void theWallJourneyNeedsTheTargetsSecretAndSeededUsers() {
        var mint = new SessionMint("k");
        assertThat(Journeys.mintsSessions("journey:wall")).isTrue();
        assertThat(Journeys.mintsSessions("journey:wall?users=5")).isTrue();
        assertThat(Journeys.mintsSessions("journey:wallpaper")).isFalse();
        assertThat(Journeys.mintsSessions("journey:login-wall?password=p")).isFalse();
        assertThat(Journeys.workload("journey:wall?users=5", mint)).isInstanceOf(Workload.Scripted.class);
        assertThatThrownBy(() -> Journeys.workload("journey:wall")).isInstanceOf(BenchException.class)
                .hasMessageContaining("signed with the targets' secret").hasMessageContaining("journey:login-wall");
        for (var bad : List.of("0", "1001", "-3", "x", "")) {
            assertThatThrownBy(() -> Journeys.workload("journey:wall?users=" + bad, mint))
                    .hasMessage("journey wall: users=" + bad + " is not 1..1000 (the seeded users)");
        }
        assertThatThrownBy(() -> Journeys.workload("journey:wall?walls=3", mint))
                .hasMessage("journey wall: unknown parameter 'walls' (it takes users=1..1000)");
    }

    @Test
    void eachUserViewsTheSeededWallItBelongsTo() {
        assertThat(WallJourney.ownWall(1)).isEqualTo(1);
        assertThat(WallJourney.ownWall(200)).isEqualTo(200);
        assertThat(WallJourney.ownWall(201)).isEqualTo(1);
        assertThat(WallJourney.ownWall(1000)).isEqualTo(200);
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
