package org.benchtarget.daemon.front;

import org.benchtarget.core.config.RequestLimits;
import org.benchtarget.core.tls.ServerTls;
import org.benchtarget.core.config.TlsSettings;
import org.benchtarget.core.config.SettingsParser;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The nginx.conf of front=nginx, built with app-core's NginxConf (bench lb nginx's builder too). */
class NginxConfigTest {

    @Test
    void tlsTerminatedAtTheFrontWithH2AndSecureCookies() {
        var tls = ServerTls.create(TlsSettings.of(SettingsParser.parse(null, Map.of(), List.of("tls=on"))), "127.0.0.1");
        var shape = new FrontShape("127.0.0.1", 8443, 1, false, true, 4, RequestLimits.DEFAULTS, null, false, Duration.ofSeconds(60), tls, true);
        var config = NginxFront.config(Path.of("/d"), shape, List.of(URI.create("http://127.0.0.1:40001")));
        assertThat(config).contains("listen 127.0.0.1:8443 ssl http2 backlog=4096;", "ssl_certificate " + tls.certFile() + ";",
                "ssl_certificate_key " + tls.keyFile() + ";", "ssl_protocols TLSv1.2 TLSv1.3;", "proxy_cookie_flags ~ secure;");
        var clear = NginxFront.config(Path.of("/d"), new FrontShape("127.0.0.1", 80, 1, false, true, 4, RequestLimits.DEFAULTS, null, false,
                Duration.ofSeconds(60), null, false), List.of(URI.create("http://127.0.0.1:40001")));
        assertThat(clear).doesNotContain("ssl", "secure");
    }

    @Test
    void everythingInOneDirectoryStaticServedProxiedRestKeptAlive() {
        var dir = Path.of("/tmp/benchtarget-nginx-1");
        var config = NginxFront.config(dir, new FrontShape("127.0.0.1", 8081, 2, true, true, 10,
                new RequestLimits(8192, 65536, Duration.ofSeconds(30)), "undertow,daemon,processes=2", true, Duration.ofSeconds(60), null, false),
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
        var config = NginxFront.config(Path.of("/d"), new FrontShape("127.0.0.1", 80, 1, false, true, 4,
                RequestLimits.DEFAULTS, "undertow,daemon,processes=2,workers=nio", true, Duration.ofSeconds(60), null, false),
                List.of(URI.create("http://127.0.0.1:40001")));
        var staticFiles = config.substring(config.indexOf("location /static/"), config.indexOf("location = /backends"));
        assertThat(staticFiles).contains("add_header Cache-Control", "add_header X-Content-Type-Options nosniff always;",
                "add_header X-Bench-Mode \"undertow,daemon,processes=2,workers=nio\" always;", "add_header Server-Timing \"app;dur=$front_ms\" always;");
        var helloTxt = config.substring(config.indexOf("location = /hello.txt"), config.indexOf("location /static/"));
        assertThat(helloTxt).contains("nosniff", "X-Bench-Mode", "Server-Timing");
        var proxied = config.substring(config.indexOf("location / {"));
        assertThat(proxied).contains("proxy_hide_header X-Bench-Mode;", "add_header X-Bench-Mode \"undertow,daemon,processes=2,workers=nio\" always;");
        assertThat(config).contains("map $request_time $front_ms {");

        var off = NginxFront.config(Path.of("/d"), new FrontShape("127.0.0.1", 80, 1, false, true, 4,
                RequestLimits.DEFAULTS, null, false, Duration.ofSeconds(60), null, false), List.of(URI.create("http://127.0.0.1:40001")));
        assertThat(off).contains("nosniff").doesNotContain("X-Bench-Mode", "add_header Server-Timing");
    }

    @Test
    void filesOnlyForCanonicalPathsEverythingElseToABackendAsSent() {
        var config = NginxFront.config(Path.of("/d"), new FrontShape("127.0.0.1", 80, 1, false, true, 1,
                RequestLimits.DEFAULTS, null, false, Duration.ofSeconds(60), null, false), List.of(URI.create("http://127.0.0.1:40001")));
        var canonical = Pattern.compile("^/(hello[.]txt|static(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+)([?]|$)");
        assertThat(config).contains("map $request_uri $canonical_file {", "\"~" + canonical.pattern() + "\" 1;",
                "error_page 418 = @backends;", "location @backends {", "error_page 400 /.refused;");
        assertThat(config.split("proxy_pass http://backends;", -1)).as("location / and @backends proxy alike").hasSize(3);
        // nginx would serve these from its copy of the files after decoding and normalising them: they go to a backend
        for (var path : List.of("/static/../hello.txt", "/static/%2e%2e/hello.txt", "/st%61tic/site.css", "/static//site.css",
                "/static/./site.css", "//hello.txt", "/static/", "/static/.hidden", "/hello.txt/", "/static%2Fsite.css", "/static/..;/hello.txt")) {
            assertThat(canonical.matcher(path).find()).as(path).isFalse();
        }
        for (var path : List.of("/hello.txt", "/hello.txt?x=1", "/static/site.css", "/static/img/logo.v2.png", "/static/a~b_c-d.js?v=3")) {
            assertThat(canonical.matcher(path).find()).as(path).isTrue();
        }
    }

    @Test
    void gzipAndKeepAliveOffAndIpv6Listen() {
        var config = NginxFront.config(Path.of("/d"), new FrontShape("::1", 80, 1, false, false, 1,
                RequestLimits.DEFAULTS, null, false, Duration.ofSeconds(60), null, false),
                List.of(URI.create("http://127.0.0.1:40001")));
        assertThat(config).contains("gzip off;", "keepalive_timeout 0;", "listen [::1]:80", "keepalive 2;");
    }
}
