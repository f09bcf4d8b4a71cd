package org.benchtarget.bench.run.report;

import org.benchtarget.bench.BenchException;
import org.benchtarget.bench.run.result.Results;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;

/** {@code bench compare A B}: B against A for every profile x endpoint x level both measured (medians of runs). */
public final class Compare {
    private Compare() {
    }

    public static void print(Path first, Path second, PrintStream out) {
        Results a = Reports.read(first);
        Results b = Reports.read(second);
        var before = new HashMap<String, Aggregate>();
        Aggregate.of(a.measurements()).forEach(agg -> before.put(agg.key(), agg));
        out.printf("A = %s (%s%s), B = %s (%s%s); ratios are B/A%n", first, a.experiment(), a.quick() ? " --quick" : "",
                second, b.experiment(), b.quick() ? " --quick" : "");
        out.printf("%-24s %-12s %6s %10s %10s %6s %9s %9s %6s %8s%n", "profile", "endpoint", "level", "A req/s", "B req/s",
                "B/A", "A p99", "B p99", "B/A", "B errors");
        int matched = 0;
        for (var after : Aggregate.of(b.measurements())) {
            var match = before.get(after.key());
            if (match == null) {
                continue;
            }
            matched++;
            out.printf(Locale.ROOT, "%-24s %-12s %6d %10.1f %10.1f %6s %9s %9s %6s %8d%n", after.profile(), after.endpoint(),
                    after.level(), match.throughput(), after.throughput(), ratio(after.throughput(), match.throughput()),
                    ReportTables.ms(match.p99()), ReportTables.ms(after.p99()),
                    after.p99() == null || match.p99() == null ? "–" : ratio(after.p99(), match.p99()), after.errors().total());
        }
        if (matched == 0) {
            throw new BenchException("nothing to compare: " + first + " and " + second + " share no profile x endpoint x level");
        }
    }

    private static String ratio(double b, double a) {
        return a == 0 ? "–" : String.format(Locale.ROOT, "%.2f", b / a);
    }
}
