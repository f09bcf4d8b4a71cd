package org.benchtarget.bench;

import org.benchtarget.bench.run.report.Compare;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** {@code bench compare A B}: ratios between two result folders of bench run. */
@Command(name = "compare", description = "Print B/A ratios of throughput and p99 between two bench run result folders.")
final class CompareCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "A", description = "result folder (or results.json) to compare against")
    Path first;

    @Parameters(index = "1", paramLabel = "B", description = "result folder (or results.json) to compare")
    Path second;

    @Override
    public void run() {
        Compare.print(first, second, System.out);
    }
}
