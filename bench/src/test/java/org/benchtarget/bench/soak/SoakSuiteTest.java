package org.benchtarget.bench.soak;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code bench soak --only}: the tests named, in the suite's order; an unknown name refused with the list. */
class SoakSuiteTest {

    @Test
    void everyTestWhenNoneIsNamed() {
        assertThat(SoakSuite.chosen(List.of())).extracting(SoakTest::name).containsExactly(
                "Overload", "slow clients", "SurveySoak", "bad input", "security", "DatabaseOutage", "GracefulShutdown");
    }

    @Test
    void theNamedTestsInTheSuitesOrder() {
        assertThat(SoakSuite.chosen(List.of("shutdown", "slow-clients"))).extracting(SoakTest::name)
                .containsExactly("slow clients", "GracefulShutdown");
    }

    @Test
    void anUnknownNameIsRefusedWithTheList() {
        assertThatThrownBy(() -> SoakSuite.chosen(List.of("slow"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no soak test slow: expected overload, slow-clients, surveys, bad-input, security, outage, shutdown");
    }
}
