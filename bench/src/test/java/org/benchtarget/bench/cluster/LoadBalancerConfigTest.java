package org.benchtarget.bench.cluster;

import org.benchtarget.bench.BenchException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadBalancerConfigTest {
    private static final List<String> TARGETS = List.of("10.0.0.21:8080", "10.0.0.22:8080");

    @Test
    void nginxBalancesEveryTargetAndPassesTheirHeadersOn() {
        var config = LoadBalancerConfig.render(LoadBalancerConfig.Kind.NGINX, Path.of("/srv/lb"), "10.0.0.10:80", TARGETS, 0);
        assertThat(config).contains("server 10.0.0.21:8080 max_fails=1", "server 10.0.0.22:8080 max_fails=1", "listen 10.0.0.10:80 ",
                "worker_processes auto;", "proxy_pass_header Server;", "proxy_pass_header Date;", "proxy_next_upstream error timeout;",
                "add_header X-Backend $upstream_addr always;", "access_log /srv/lb/access.log bench");
    }

    @Test
    void haproxyChecksHealthAndNamesTheHostThatAnswered() {
        var config = LoadBalancerConfig.render(LoadBalancerConfig.Kind.HAPROXY, Path.of("/srv/lb"), "10.0.0.10:80", TARGETS, 0);
        assertThat(config).contains("bind 10.0.0.10:80", "server t1 10.0.0.21:8080 check", "server t2 10.0.0.22:8080 check",
                "option httpchk GET /health", "option redispatch", "http-response set-header X-Backend %si:%sp",
                "log-format \"%Ts.%ms %si:%sp %ST %Ta\"");
    }

    @Test
    void badInputIsOneLine() {
        assertThatThrownBy(() -> LoadBalancerConfig.kind("traefik")).isInstanceOf(BenchException.class).hasMessage("--lb traefik: expected nginx or haproxy");
        assertThatThrownBy(() -> LoadBalancerConfig.render(LoadBalancerConfig.Kind.NGINX, Path.of("/x"), "80", List.of(), 0))
                .hasMessageContaining("at least one --backend");
        assertThatThrownBy(() -> LoadBalancerConfig.render(LoadBalancerConfig.Kind.NGINX, Path.of("/x"), "80", List.of("a b;"), 0))
                .hasMessage("backend 'a b;': expected host:port");
        assertThatThrownBy(() -> LoadBalancerConfig.render(LoadBalancerConfig.Kind.HAPROXY, Path.of("/x"), "0.0.0.0:80;", TARGETS, 0))
                .hasMessageContaining("expected address:port");
    }

    @Test
    void accessLogLinesOfBothBalancersReadTheSame() {
        var nginx = AccessLog.parse("1763900000.123 10.0.0.23:8080, 10.0.0.21:8080 200 0.012", LoadBalancerConfig.Kind.NGINX);
        assertThat(nginx).isEqualTo(new AccessLog.Entry(1763900000123L, "10.0.0.21:8080", 200, 12.0));
        var haproxy = AccessLog.parse("1763900000.123 10.0.0.22:8080 303 7", LoadBalancerConfig.Kind.HAPROXY);
        assertThat(haproxy).isEqualTo(new AccessLog.Entry(1763900000123L, "10.0.0.22:8080", 303, 7.0));
        assertThat(AccessLog.parse("[WARNING]  (8834) : Server targets/t3 is DOWN", LoadBalancerConfig.Kind.HAPROXY)).isNull();
        var log = new AccessLog(List.of(nginx, haproxy, new AccessLog.Entry(1763900001000L, "10.0.0.22:8080", 502, 1.0)));
        assertThat(log.byHost(0, Long.MAX_VALUE).get("10.0.0.22:8080").requests()).isEqualTo(2);
        assertThat(log.byHost(0, Long.MAX_VALUE).get("10.0.0.22:8080").serverErrors()).isEqualTo(1);
        assertThat(log.lastAnswer("10.0.0.22:8080")).isEqualTo(1763900001000L);
    }
}
