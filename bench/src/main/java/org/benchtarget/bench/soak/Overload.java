package org.benchtarget.bench.soak;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Overload: N connections held open at once on /hello and on /db, each sending request after request.
 * Passes when every connection was open at the same time and nothing was refused, reset, dropped or left
 * unanswered, and no 5xx came back other than a polite 503 with Retry-After (load shed, shown in the detail).
 */
public final class Overload implements SoakTest {
    static final List<String> PATHS = List.of("/hello", "/db");

    @Override
    public List<SoakRow> run(SoakTarget target) throws IOException {
        return rows(target.base(), target.sizes());
    }

    /** Floods /hello and /db of any running target (also one a test started in-process) at each size; a row each. */
    public static List<SoakRow> rows(URI base, SoakSizes sizes) throws IOException {
        var rows = new ArrayList<SoakRow>();
        for (var path : PATHS) {
            for (int connections : sizes.connections()) {
                rows.add(row(base, path, connections, sizes));
            }
        }
        return rows;
    }

    /** Floods {@code base + path} with {@code connections} connections for the sizes' hold time; one row. */
    public static SoakRow row(URI base, String path, int connections, SoakSizes sizes) throws IOException {
        var result = ConnectionFlood.run(base, path, connections, sizes.hold(), sizes.requestTimeout());
        boolean passed = result.errors() == 0 && result.peakOpen() == connections && result.ok() > 0;
        return new SoakRow("overload " + path, String.format("%,d connections x %d s", connections, sizes.hold().toSeconds()), "-",
                result.responses() + result.errors() - result.serverErrors() - result.otherStatus(), result.errors(), -1, passed,
                result.summary());
    }
}
