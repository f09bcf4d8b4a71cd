package org.benchtarget.bench.run;

import org.benchtarget.bench.BenchException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CpuPinningTest {

    @Test
    void noPinningAddsNothing() {
        assertThat(CpuPinning.parse(null).target()).isEmpty();
        assertThat(CpuPinning.parse("").driver("ab")).isEmpty();
        assertThat(CpuPinning.NONE.describe()).isEqualTo("none");
    }

    @Test
    void pinningPutsTasksetInFront() {
        var pinning = CpuPinning.parse("0:1");
        assertThat(pinning.target()).hasSize(3).endsWith("-c", "0");
        assertThat(pinning.driver("wrk")).endsWith("-c", "1");
        // the embedded driver pins bench itself instead
        assertThat(pinning.driver("embedded")).isEmpty();
    }

    @Test
    void badPinningIsOneLine() {
        assertThatThrownBy(() -> CpuPinning.parse("0"))
                .isInstanceOf(BenchException.class)
                .hasMessage("--pin 0: expected TARGET_CPUS:DRIVER_CPUS, e.g. 0:1");
        assertThatThrownBy(() -> CpuPinning.parse("a:b")).hasMessageContaining("expected TARGET_CPUS:DRIVER_CPUS");
    }

    @Test
    void etaFormats() {
        assertThat(List.of(Duration.ofSeconds(42), Duration.ofSeconds(125), Duration.ofMinutes(61)).stream().map(Progress::format))
                .containsExactly("42s", "2m05s", "1h01m");
    }
}
