package org.benchtarget.bench;

import org.benchtarget.bench.cluster.LoadBalancerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code bench lb nginx|haproxy --listen ADDR:PORT --backend HOST:PORT...}: prints a load balancer's configuration for N target hosts. */
@Command(name = "lb", description = "Print the nginx or HAProxy configuration that balances target hosts (what bench cluster runs).")
final class LbCommand implements Callable<Integer> {
    @Parameters(paramLabel = "KIND", description = "nginx or haproxy")
    String kind;

    @Option(names = "--listen", paramLabel = "ADDR:PORT", description = "where the balancer listens (default 0.0.0.0:80)")
    String listen = "0.0.0.0:80";

    @Option(names = "--backend", paramLabel = "HOST:PORT", required = true, description = "a target host; repeatable")
    List<String> backends;

    @Option(names = "--dir", paramLabel = "DIR", description = "the balancer's folder: pid, logs, temp files (default /var/lib/benchtarget-lb)")
    Path dir = Path.of("/var/lib/benchtarget-lb");

    @Option(names = "--workers", paramLabel = "N", description = "nginx worker processes (default auto)")
    int workers;

    @Override
    public Integer call() {
        System.out.print(LoadBalancerConfig.render(LoadBalancerConfig.kind(kind), dir, listen, backends, workers));
        return 0;
    }
}
