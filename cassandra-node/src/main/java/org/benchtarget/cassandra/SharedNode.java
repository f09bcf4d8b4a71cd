package org.benchtarget.cassandra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One node per test JVM: the first caller starts it (30-60 s), every later test reuses it, and it stops when
 * the JVM exits. Its data is under {@code bench.test.tmp} (the module's target/) or the temporary folder. Tests
 * that stop the node (outages) restart it before they end. Thread-safe.
 */
public final class SharedNode {
    private static CassandraNode node;

    private SharedNode() {
    }

    public static synchronized CassandraNode get() throws IOException, InterruptedException {
        if (node == null || !node.isRunning()) {
            if (node != null) {
                node.restart();
            } else {
                var parent = Path.of(System.getProperty("bench.test.tmp", System.getProperty("java.io.tmpdir")));
                node = CassandraNode.start(Files.createTempDirectory(Files.createDirectories(parent), "cassandra-"));
            }
        }
        return node;
    }
}
