package org.benchtarget.bench.soak;

import org.benchtarget.bench.verify.Check;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SoakTableTest {

    @Test
    void oneLinePerRowWithNumbersRightAlignedAndWhyARowFailed() {
        var table = SoakTable.render("undertow-nio", List.of(
                new SoakRow("overload /hello", "1,000 connections x 3 s", "-", 12_345, 0, -1, true, ""),
                new SoakRow("surveys", "100 users", "SIGKILL", 10_000, 2, 1, false, "1 lost")));
        assertThat(table).contains(
                "| test            | load held               | faults injected | requests | errors | lost | result |",
                "| overload /hello | 1,000 connections x 3 s | -               |   12,345 |      0 |    - | PASS   |",
                "| surveys         | 100 users               | SIGKILL         |   10,000 |      2 |    1 | FAIL   |",
                "- FAIL surveys: 1 lost");
    }

    @Test
    void aGroupOfChecksIsOneRow() throws Exception {
        var target = new SoakTarget("p", URI.create("http://127.0.0.1:1"), false, Optional.empty(), null, Optional.empty(),
                Duration.ofSeconds(2), Duration.ofSeconds(10), SoakSizes.quick(), Optional.empty());
        var test = SoakTest.checks("bad input", "every endpoint", "malformed requests", base -> List.of(
                new Check("passes", () -> { }),
                new Check("fails", () -> Check.expect(false, "for %s", base))));
        assertThat(test.run(target)).containsExactly(
                new SoakRow("bad input", "every endpoint", "malformed requests", 2, 1, -1, false, "fails: for http://127.0.0.1:1"));
    }
}
