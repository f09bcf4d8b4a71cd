package org.benchtarget.daemon.front;

import org.benchtarget.core.config.RequestLimits;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.core.config.TlsSettings;
import org.benchtarget.core.tls.ServerTls;
import org.benchtarget.core.files.StaticFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The haproxy.cfg of front=haproxy, built with app-core's HaproxyConf (bench lb haproxy's builder too). */
class HaproxyConfigTest {
    private static final FrontShape SHAPE = new FrontShape("127.0.0.1", 8081, 2, true, false, 10,
            RequestLimits.DEFAULTS, "undertow,daemon,processes=2", true, Duration.ofSeconds(60), null, false);

    @Test
    void staticFilesFromMemoryRestProxiedOwnAnswersOneLine(@TempDir Path dir) throws Exception {
        var files = StaticFiles.load(Instant.parse("2026-01-01T00:00:00Z"));
        files.exportTo(dir.resolve("public"));
        var config = HaproxyFront.config(dir, SHAPE, "benchtarget-undertow", List.of("127.0.0.1:40001", dir + "/b2.sock"), files, 40100);
        assertThat(config).contains("pidfile " + dir + "/haproxy.pid", "nbthread 2", "bind 127.0.0.1:8081",
                "server b1 127.0.0.1:40001 check", "server b2 " + dir + "/b2.sock check", "server listing 127.0.0.1:40100",
                "http-request return status 200 content-type \"text/plain; charset=utf-8\" file " + dir + "/public/hello.txt",
                "hdr Cache-Control 'public, max-age=86400'", "http-response set-header X-Backend %si:%sp",
                "http-after-response set-header X-Bench-Mode \"undertow,daemon,processes=2\"",
                "http-after-response set-header Connection close", "compression algo gzip",
                "http-error status 504 content-type \"text/plain; charset=utf-8\" string \"gateway timeout");
        assertThat(config).doesNotContain("/var/", "log stdout", "ssl", "Secure");
        haproxyAccepts(dir, config);
    }

    @Test
    void tlsTerminatedAtTheFrontWithH2ByAlpnAndSecureCookies(@TempDir Path dir) throws Exception {
        var files = StaticFiles.load(Instant.parse("2026-01-01T00:00:00Z"));
        files.exportTo(dir.resolve("public"));
        var tls = ServerTls.create(TlsSettings.of(SettingsParser.parse(null, Map.of(), List.of("tls=on"))), "127.0.0.1");
        Files.writeString(dir.resolve("cert-and-key.pem"), Files.readString(tls.certFile()) + Files.readString(tls.keyFile()));
        var shape = new FrontShape("127.0.0.1", 8081, 2, true, true, 10, RequestLimits.DEFAULTS, null, false, Duration.ofSeconds(60), tls, true);
        var config = HaproxyFront.config(dir, shape, "benchtarget-undertow", List.of("127.0.0.1:40001"), files, 40100);
        assertThat(config).contains("bind 127.0.0.1:8081 ssl crt " + dir.resolve("cert-and-key.pem") + " ssl-min-ver TLSv1.2 alpn h2,http/1.1",
                "http-response replace-header Set-Cookie '^(.*)$' '\\1; Secure'");
        haproxyAccepts(dir, config);
    }

    @Test
    void h2cBackendsAreServersWithProtoH2(@TempDir Path dir) throws Exception {
        var files = StaticFiles.load(Instant.parse("2026-01-01T00:00:00Z"));
        files.exportTo(dir.resolve("public"));
        var shape = new FrontShape("127.0.0.1", 8081, 2, false, true, 10, RequestLimits.DEFAULTS, null, false, Duration.ofSeconds(60),
                null, false, true);
        var config = HaproxyFront.config(dir, shape, "benchtarget-undertow", List.of("127.0.0.1:40001", dir + "/b2.sock"), files, 40100);
        assertThat(config).contains("server b1 127.0.0.1:40001 proto h2 check", "server b2 " + dir + "/b2.sock proto h2 check")
                .doesNotContain("server listing 127.0.0.1:40100 proto");
        haproxyAccepts(dir, config);
    }

    /** haproxy -c: the configuration (and the certificate it names) loads, without a warning. */
    private static void haproxyAccepts(Path dir, String config) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/haproxy")), "haproxy is not installed");
        Files.writeString(dir.resolve("haproxy.cfg"), config);
        var check = new ProcessBuilder("/usr/sbin/haproxy", "-c", "-f", dir.resolve("haproxy.cfg").toString()).redirectErrorStream(true).start();
        var output = new String(check.getInputStream().readAllBytes());
        assertThat(check.waitFor()).as(output).isZero();
        assertThat(output).doesNotContain("WARNING");
    }
}
