package org.benchtarget.bench.soak;

import org.benchtarget.bench.verify.Check;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One test of the soak suite against a running target: it returns one or more rows of the table. */
@FunctionalInterface
public interface SoakTest {
    List<SoakRow> run(SoakTarget target) throws Exception;

    /** Returns what the progress line calls this test. */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * A group of black-box checks (such as the conformance or bad-input checks) as one row: requests are
     * the checks run, errors the checks failed. {@code checks} builds the group for the target's base URI.
     */
    static SoakTest checks(String test, String load, String faults, Function<URI, List<Check>> checks) {
        return new SoakTest() {
            @Override
            public List<SoakRow> run(SoakTarget target) {
                var failed = new ArrayList<String>();
                var group = checks.apply(target.base());
                for (var check : group) {
                    var outcome = check.run();
                    if (!outcome.passed()) {
                        failed.add(outcome.name() + ": " + outcome.detail());
                    }
                }
                return List.of(new SoakRow(test, load, faults, group.size(), failed.size(), -1, failed.isEmpty(), String.join("; ", failed)));
            }

            @Override
            public String name() {
                return test;
            }
        };
    }
}
