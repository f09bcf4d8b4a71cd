package org.benchtarget.undertow.front;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NginxConfigTest {

    @Test
    void everythingInOneDirectoryStaticServedProxiedRestKeptAlive() {
        var dir = Path.of("/tmp/benchtarget-nginx-1");
        var config = NginxConfig.render(dir, new NginxConfig.Shape("127.0.0.1", 8081, 2, true, true, 10,
                new org.benchtarget.core.config.RequestLimits(8192, 65536, java.time.Duration.ofSeconds(30)), "undertow,daemon,processes=2", true),
                List.of(URI.create("http://127.0.0.1:40001"), URI.create("http://127.0.0.1:40002")));
        assertThat(config).contains("daemon off;", "worker_processes 2;", "pid /tmp/benchtarget-nginx-1/nginx.pid;",
                "error_log /tmp/benchtarget-nginx-1/error.log", "root /tmp/benchtarget-nginx-1/public;",
                "server 127.0.0.1:40001 max_fails=1 fail_timeout=1s;", "server 127.0.0.1:40002 max_fails=1 fail_timeout=1s;",
                "keepalive 20;", "listen 127.0.0.1:8081 backlog=4096;", "proxy_http_version 1.1;", "proxy_set_header Connection \"\";",
                "gzip on;", "keepalive_timeout 65s;",
                "client_max_body_size 65536;", "large_client_header_buffers 4 8192;", "client_header_timeout 30000ms;", "add_header X-Backend $upstream_addr always;", "location = /hello.txt");
        assertThat(config).doesNotContain("/var/log", "/run/nginx.pid", "%");
    }

    @Test
    void staticAnswersCarryTheFixtureHeadersAndProxiedOnesSayDaemon() {
        var config = NginxConfig.render(Path.of("/d"), new NginxConfig.Shape("127.0.0.1", 80, 1, false, true, 4,
                org.benchtarget.core.config.RequestLimits.DEFAULTS, "undertow,daemon,processes=2,workers=nio", true),
                List.of(URI.create("http://127.0.0.1:40001")));
        var staticFiles = config.substring(config.indexOf("location /static/"), config.indexOf("location = /backends"));
        assertThat(staticFiles).contains("add_header Cache-Control", "add_header X-Content-Type-Options nosniff always;",
                "add_header X-Bench-Mode \"undertow,daemon,processes=2,workers=nio\" always;", "add_header Server-Timing \"app;dur=$front_ms\" always;");
        var helloTxt = config.substring(config.indexOf("location = /hello.txt"), config.indexOf("location /static/"));
        assertThat(helloTxt).contains("nosniff", "X-Bench-Mode", "Server-Timing");
        var proxied = config.substring(config.indexOf("location / {"));
        assertThat(proxied).contains("proxy_hide_header X-Bench-Mode;", "add_header X-Bench-Mode \"undertow,daemon,processes=2,workers=nio\" always;");
        assertThat(config).contains("map $request_time $front_ms {");

        var off = NginxConfig.render(Path.of("/d"), new NginxConfig.Shape("127.0.0.1", 80, 1, false, true, 4,
                org.benchtarget.core.config.RequestLimits.DEFAULTS, null, false), List.of(URI.create("http://127.0.0.1:40001")));
        assertThat(off).contains("nosniff").doesNotContain("X-Bench-Mode", "add_header Server-Timing");
    }

    @Test
    void gzipAndKeepAliveOffAndIpv6Listen() {
        var config = NginxConfig.render(Path.of("/d"), new NginxConfig.Shape("::1", 80, 1, false, false, 1,
                org.benchtarget.core.config.RequestLimits.DEFAULTS, null, false),
                List.of(URI.create("http://127.0.0.1:40001")));
        assertThat(config).contains("gzip off;", "keepalive_timeout 0;", "listen [::1]:80", "keepalive 2;");
    }
}
