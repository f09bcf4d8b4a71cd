package org.benchtarget.bench.run.load;

import org.benchtarget.bench.BenchException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExternalToolTest {

    @Test
    void aToolNotOnPathIsOneLine() {
        var tool = new ExternalTool("benchtarget-no-such-tool", "apt install it");
        assertThat(tool.find()).isEmpty();
        assertThatThrownBy(tool::require)
                .isInstanceOf(BenchException.class)
                .hasMessage("driver benchtarget-no-such-tool is not installed (no benchtarget-no-such-tool on PATH; apt install it)");
    }
}
