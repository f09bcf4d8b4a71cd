package org.benchtarget.bench;

import org.benchtarget.bench.run.report.Merge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code bench merge DIR... --out DIR}: the runs of several load hosts at the same time as one report. */
@Command(name = "merge", description = "Merge bench run folders of load hosts that ran at the same time into one report (histograms added).")
final class MergeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", arity = "2..*", description = "result folders of bench run, one per load host")
    List<Path> folders;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "folder for the merged results and report")
    Path out;

    @Override
    public Integer call() throws Exception {
        var merged = Merge.merge(folders, out);
        System.out.println("merged " + folders.size() + " load hosts, " + merged.measurements().size() + " measurements: "
                + out.resolve("report.md") + " and report.html");
        return 0;
    }
}
