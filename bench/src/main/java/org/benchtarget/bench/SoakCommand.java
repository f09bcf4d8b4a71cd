package org.benchtarget.bench;

import org.benchtarget.bench.soak.SoakSizes;
import org.benchtarget.bench.soak.SoakSuite;
import org.benchtarget.bench.soak.SoakTable;
import org.benchtarget.bench.soak.SoakTest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code bench soak [PROFILE]... [--quick]}: the reliability suite (overload, surveys, outage, shutdown) as one table per profile. */
@Command(name = "soak", description = "Run the reliability suite (overload, slow clients, no lost surveys, bad input, security, "
        + "database outage, graceful shutdown) "
        + "against targets it starts; one table per profile; exit 1 on any FAIL.")
final class SoakCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PROFILE", arity = "0..*", description = "profiles to soak (default undertow-nio)")
    List<String> profiles = new ArrayList<>();

    @Option(names = "--quick", description = "the bounded form CI runs: 2 s floods, 6 s slow attacks, 350 survey completions, 3 s outage")
    boolean quick;

    @Option(names = "--set", paramLabel = "knob=value", description = "a knob for every target, e.g. --set db.pool=16")
    List<String> sets = new ArrayList<>();

    @Option(names = "--only", paramLabel = "TEST", split = ",", description = "only these tests: overload, slow-clients, surveys, "
            + "bad-input, security, outage, shutdown (default all)")
    List<String> only = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "where logs and the tables go (default runs/soak-TIMESTAMP)")
    Path out;

    @Override
    public Integer call() throws Exception {
        var chosen = profiles.isEmpty() ? List.of("undertow-nio") : profiles;
        List<SoakTest> tests;
        try {
            tests = SoakSuite.chosen(only);
        } catch (IllegalArgumentException e) {
            System.err.println("bench soak: " + e.getMessage());
            return 2;
        }
        var dir = out != null ? out : Path.of("runs", "soak-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(dir);
        var tables = SoakSuite.run(chosen, tests, quick ? SoakSizes.quick() : SoakSizes.full(), sets, dir, System.out);
        var report = new StringBuilder();
        tables.forEach((profile, rows) -> report.append(SoakTable.render(profile, rows)).append('\n'));
        Files.writeString(dir.resolve("soak.md"), report);
        System.out.println("tables: " + dir.resolve("soak.md") + ", target logs: " + dir.resolve("logs"));
        boolean allPassed = tables.values().stream().flatMap(List::stream).allMatch(row -> row.passed());
        return allPassed ? 0 : 1;
    }
}
