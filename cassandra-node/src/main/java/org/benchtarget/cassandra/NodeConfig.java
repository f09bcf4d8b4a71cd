package org.benchtarget.cassandra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The node's cassandra.yaml, logback.xml and JVM options: small, one node its own seed, quick to start. The node
 * listens on one address (loopback for tests and bench serve, a host's or pod's address elsewhere); its CQL port
 * on that address, or on every address (0.0.0.0, telling clients the listen address) in a container.
 */
final class NodeConfig {
    /** Cassandra's conf/jvm17-server.options: the JDK internals it opens on 17. */
    private static final List<String> JPMS = List.of(
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports", "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.server=ALL-UNNAMED",
            "--add-exports", "java.sql/java.sql=ALL-UNNAMED",
            "--add-exports", "java.base/java.lang.ref=ALL-UNNAMED",
            "--add-exports", "jdk.unsupported/sun.misc=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.loader=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.reflect=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.math=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.util.jar=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.base/java.io=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED");

    private NodeConfig() {
    }

    static List<String> jvmOptions(Path dir, Path conf) {
        var options = new ArrayList<>(List.of(
                "-Xms256m", "-Xmx512m", "-Xss512k", "-XX:+UseG1GC", "-XX:MaxDirectMemorySize=256m",
                "-XX:ActiveProcessorCount=2", "-XX:+ExitOnOutOfMemoryError", "-Djava.net.preferIPv4Stack=true", "-Djdk.attach.allowAttachSelf=true",
                "-Dio.netty.tryReflectionSetAccessible=true",
                "-Dcassandra-foreground=yes",
                "-Dcassandra.config=" + conf.resolve("cassandra.yaml").toUri(),
                "-Dcassandra.storagedir=" + dir,
                "-Dcassandra.logdir=" + dir.resolve("logs"),
                "-Dlogback.configurationFile=" + conf.resolve("logback.xml").toUri(),
                // one node, its own seed: nothing to wait for in gossip, no ring to join slowly
                "-Dcassandra.skip_wait_for_gossip_to_settle=0",
                "-Dcassandra.ring_delay_ms=0",
                "-Dcassandra.superuser_setup_delay_ms=0",
                "-Dcassandra.initial_token=0"));
        options.addAll(JPMS);
        return options;
    }

    static String yaml(Path dir, String listenAddress, String rpcAddress, int cqlPort, int storagePort) {
        // a wildcard rpc_address needs the address clients are told to use
        var broadcastRpc = rpcAddress.equals("0.0.0.0") ? "broadcast_rpc_address: " + listenAddress + "\n" : "";
        return """
                cluster_name: benchtarget
                num_tokens: 1
                auto_bootstrap: false
                partitioner: org.apache.cassandra.dht.Murmur3Partitioner
                endpoint_snitch: SimpleSnitch
                seed_provider:
                  - class_name: org.apache.cassandra.locator.SimpleSeedProvider
                    parameters:
                      - seeds: "%4$s:%2$d"
                listen_address: %4$s
                rpc_address: %5$s
                %6$sstorage_port: %2$d
                native_transport_port: %3$d
                start_native_transport: true
                data_file_directories:
                  - %1$s/data
                commitlog_directory: %1$s/commitlog
                saved_caches_directory: %1$s/saved_caches
                hints_directory: %1$s/hints
                cdc_raw_directory: %1$s/cdc_raw
                commitlog_sync: periodic
                commitlog_sync_period: 10000ms
                commitlog_segment_size: 16MiB
                memtable_heap_space: 64MiB
                memtable_offheap_space: 64MiB
                key_cache_size: 8MiB
                file_cache_size: 32MiB
                concurrent_reads: 8
                concurrent_writes: 8
                concurrent_counter_writes: 2
                concurrent_compactors: 1
                auto_snapshot: false
                snapshot_on_duplicate_row_detection: false
                paxos_variant: v2
                authenticator: AllowAllAuthenticator
                authorizer: AllowAllAuthorizer
                """.formatted(dir, storagePort, cqlPort, listenAddress, rpcAddress, broadcastRpc);
    }

    /** The log in {@code logs}/system.log, or on standard output when {@code logs} is null (a container's log). */
    static String logback(Path logs) {
        var appender = logs == null ? "<appender name=\"LOG\" class=\"ch.qos.logback.core.ConsoleAppender\">"
                : "<appender name=\"LOG\" class=\"ch.qos.logback.core.FileAppender\"><file>" + logs + "/system.log</file>";
        return """
                <configuration>
                  %s
                    <encoder><pattern>%%-5level [%%thread] %%date{ISO8601} %%F:%%L - %%msg%%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="LOG"/></root>
                </configuration>
                """.formatted(appender);
    }
}
