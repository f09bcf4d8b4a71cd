package org.benchtarget.core.tls;

import org.benchtarget.core.config.SettingsException;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.core.config.TlsSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerTlsTest {

    private static TlsSettings tls(String... sets) {
        return TlsSettings.of(SettingsParser.parse(null, Map.of(), List.of(sets)));
    }

    @Test
    void selfSignedNamesTheHostAndLocalhostAndWritesItsPem() throws Exception {
        var tls = ServerTls.create(tls("tls=on"), "127.0.0.2");
        var names = tls.certificate().getSubjectAlternativeNames().stream().map(name -> name.get(1).toString()).toList();
        assertThat(names).contains("localhost", "127.0.0.1", "127.0.0.2");
        var written = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(Files.newInputStream(tls.certFile()));
        assertThat(written).isEqualTo(tls.certificate());
        var sha = HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(written.getEncoded()));
        assertThat(tls.fingerprint()).isEqualTo(sha);
        assertThat(tls.describe()).contains(tls.certFile().toString(), sha);
        assertThat(tls.context().getServerSessionContext().getSessionCacheSize()).isPositive();
        // the key, for nginx and HAProxy fronts: a PEM file only this user can read, that signs for the certificate
        assertThat(Files.getPosixFilePermissions(tls.keyFile())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(tls.keyFile())).startsWith("-----BEGIN PRIVATE KEY-----");
        var fromFile = ServerTls.create(tls("tls=on", "tls.cert=" + tls.certFile(), "tls.key=" + tls.keyFile()), "127.0.0.2");
        assertThat(fromFile.fingerprint()).isEqualTo(tls.fingerprint());
    }

    @Test
    void readsPemFilesOpensslWrote(@TempDir Path dir) throws Exception {
        var key = dir.resolve("key.pem");
        var cert = dir.resolve("cert.pem");
        var openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(),
                "-out", cert.toString(), "-subj", "/CN=bench.example", "-days", "2").redirectErrorStream(true).start();
        openssl.getInputStream().readAllBytes();
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0).as("openssl made a key and certificate").isTrue();
        var tls = ServerTls.create(tls("tls=on", "tls.cert=" + cert, "tls.key=" + key), "0.0.0.0");
        assertThat(tls.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=bench.example");
        assertThat(tls.certFile()).isEqualTo(cert);
        assertThat(tls.keyFile()).isEqualTo(key);
    }

    @Test
    void badFilesAndPairsNameTheKnob(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> tls("tls=on", "tls.cert=/nonexistent/cert.pem"))
                .isInstanceOf(SettingsException.class).hasMessageStartingWith("tls.cert given alone");
        assertThatThrownBy(() -> tls("tls=on", "tls.cert=/nonexistent/cert.pem", "tls.key=/nonexistent/key.pem"))
                .isInstanceOf(SettingsException.class).hasMessage("tls.cert=/nonexistent/cert.pem: not a readable file (expected a PEM file)");
        var notPem = Files.writeString(dir.resolve("not.pem"), "hello\n");
        assertThatThrownBy(() -> ServerTls.create(tls("tls=on", "tls.cert=" + notPem, "tls.key=" + notPem), "0.0.0.0"))
                .isInstanceOf(SettingsException.class).hasMessageContaining("no CERTIFICATE block");
        assertThat(TlsSettings.of(SettingsParser.parse("daemon-p2-t10", Map.of(), List.of("tls=on", "http2=on"))).http2()).isTrue();
        assertThatThrownBy(() -> TlsSettings.of(SettingsParser.parse("daemon-p2-t10", Map.of(), List.of("front=haproxy", "http2=on"))))
                .isInstanceOf(SettingsException.class).hasMessageStartingWith("http2=on with tls=off (h2c): not in mode=daemon");
        assertThatThrownBy(() -> TlsSettings.of(SettingsParser.parse("ceiling-undertow", Map.of(), List.of("http2=on"))))
                .isInstanceOf(SettingsException.class).hasMessageStartingWith("http2=on: not in mode=ceiling");
        assertThatThrownBy(() -> tls("tls=maybe")).isInstanceOf(SettingsException.class).hasMessage("tls=maybe: expected one of on, off");
        assertThatThrownBy(() -> tls("http2=h2")).isInstanceOf(SettingsException.class).hasMessage("http2=h2: expected one of on, off");
    }
}
