package org.benchtarget.cassandra;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * The node of the benchtarget-cassandra image (deploy/images/Containerfile.cassandra): writes the configuration for
 * the container's address into {@code DATA}/conf and the node's java arguments into {@code DATA}/conf/java.args, which
 * the image's entrypoint then runs ({@code exec java @DATA/conf/java.args}: Cassandra is PID 1). The address is
 * {@code CASSANDRA_LISTEN_ADDRESS} (the official image's variable; Kubernetes gives the pod's IP), else the host
 * name's; CQL on 9042 of every address, storage on 7000; the log on standard output.
 * Usage: {@code ContainerNode DATA LIB} (LIB: the folder of Cassandra's jars).
 */
public final class ContainerNode {
    static final int CQL_PORT = 9042;
    static final int STORAGE_PORT = 7000;

    private ContainerNode() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ContainerNode DATA-DIR LIB-DIR");
            System.exit(2);
        }
        var dir = Path.of(args[0]).toAbsolutePath();
        var address = System.getenv("CASSANDRA_LISTEN_ADDRESS");
        if (address == null || address.isBlank() || address.equals("auto")) {
            address = InetAddress.getLocalHost().getHostAddress();
        }
        var command = CassandraNode.configure(dir, address.strip(), true, CQL_PORT, STORAGE_PORT, jars(Path.of(args[1])), false);
        // without the java executable: the entrypoint runs its own
        Files.write(dir.resolve("conf").resolve("java.args"), command.subList(1, command.size()));
        System.out.println("cassandra-node: " + address.strip() + ", CQL on 0.0.0.0:" + CQL_PORT + ", data in " + dir);
    }

    /** Maven's classpath of the node, each jar taken from {@code lib} (where build-images copied them by name). */
    private static String jars(Path lib) throws IOException {
        var jars = CassandraNode.resolvedJars().stream().map(jar -> lib.resolve(Path.of(jar).getFileName())).toList();
        for (var jar : jars) {
            if (!Files.isRegularFile(jar)) {
                throw new IOException("missing from the image: " + jar);
            }
        }
        return jars.stream().map(Path::toString).collect(Collectors.joining(":"));
    }
}
