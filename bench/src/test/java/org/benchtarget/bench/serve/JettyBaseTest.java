package org.benchtarget.bench.serve;

import org.benchtarget.core.config.SettingsException;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.core.config.TlsSettings;
import org.benchtarget.core.tls.ServerTls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What bench serve writes into a container run's jetty-base, per protocol (ContainerModeIT starts Jetty on it). */
class JettyBaseTest {
    @TempDir
    Path dir;

    @Test
    void tlsServesThePortWithJettyHomesSslModulesAndAKeyStoreOnlyItsOwnerReads() throws Exception {
        var identity = ServerTls.create(TlsSettings.of(SettingsParser.parse(null, Map.of(), List.of("tls=on"))), "127.0.0.1");
        var sets = List.of("port=0", "tls.cert=" + identity.certFile(), "tls.key=" + identity.keyFile());
        var base = prepare("jetty-container-h2", sets);

        var ini = Files.readString(base.resolve(JettyBase.INI));
        assertThat(ini).contains("--module=server,ssl,alpn,http2,https,ee11-deploy").doesNotContain("http2c").doesNotContain(",http,");
        var tlsIni = base.resolve(ContainerTls.INI);
        var props = Files.readAllLines(tlsIni);
        assertThat(props).contains("jetty.ssl.port=0", "jetty.sslContext.keyStorePath=" + ContainerTls.KEY_STORE,
                "jetty.sslContext.includeProtocols=TLSv1.3,TLSv1.2", "jetty.http2.maxConcurrentStreams=100");
        var password = props.stream().filter(line -> line.startsWith("jetty.sslContext.keyStorePassword="))
                .map(line -> line.substring(line.indexOf('=') + 1)).findFirst().orElseThrow();
        assertThat(password).hasSize(32);
        for (var secret : List.of(tlsIni, base.resolve(ContainerTls.KEY_STORE))) {
            assertThat(Files.getPosixFilePermissions(secret)).as(secret.toString())
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        // the key store holds the given certificate, under the password the ini names
        var store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(base.resolve(ContainerTls.KEY_STORE))) {
            store.load(in, password.toCharArray());
        }
        var certificate = store.getCertificate("server");
        assertThat(HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())))
                .isEqualTo(identity.fingerprint());
        // the web app gets the PEM files (for /info), never the key store's password
        var xml = Files.readString(base.resolve(JettyBase.CONTEXT_XML));
        assertThat(xml).contains("<Arg>bench.set.tls.cert</Arg><Arg>" + identity.certFile() + "</Arg>").doesNotContain(password);
    }

    @Test
    void credentialsAreToldApartFromOtherKnobs() {
        assertThat(JettyBase.carriesCredential("secret=k")).isTrue();
        assertThat(JettyBase.carriesCredential(" db.password = pw")).isTrue();
        assertThat(JettyBase.carriesCredential("db.user=bench")).isFalse();
        assertThat(JettyBase.carriesCredential("secretive=1")).isFalse();
        assertThat(JettyBase.carriesCredential("secret")).isFalse();
        assertThat(JettyBase.secretEnvironment(List.of("secret=k", "port=0", "db.password=pw")))
                .isEqualTo(Map.of("BENCH_SECRET", "k", "BENCH_DB_PASSWORD", "pw"));
    }

    @Test
    void cleartextH2cKeepsTheHttpConnectorAndAddsH2cWithoutAKeyStore() throws Exception {
        var base = prepare("jetty-container-h2c", List.of("port=0"));
        var ini = Files.readString(base.resolve(JettyBase.INI));
        assertThat(ini).contains("--module=server,http,ee11-deploy", "--module=http2c", "jetty.http2c.maxConcurrentStreams=100");
        assertThat(base.resolve(ContainerTls.INI)).doesNotExist();
        assertThat(base.resolve(ContainerTls.KEY_STORE)).doesNotExist();
    }

    @Test
    void aKeyFileWithoutAKeyStopsThePreparationWithOneLine() throws Exception {
        var identity = ServerTls.create(TlsSettings.of(SettingsParser.parse(null, Map.of(), List.of("tls=on"))), "127.0.0.1");
        // the certificate given as the key: readable, but no PRIVATE KEY block in it
        var sets = List.of("port=0", "tls.cert=" + identity.certFile(), "tls.key=" + identity.certFile());
        assertThatThrownBy(() -> prepare("jetty-container-tls", sets))
                .isInstanceOf(SettingsException.class)
                .hasMessage("tls.key=" + identity.certFile() + ": no unencrypted PRIVATE KEY block in it (expected PKCS#8, RSA or EC PEM)");
        assertThat(dir.resolve("run")).as("nothing written").doesNotExist();
    }

    private Path prepare(String profile, List<String> sets) throws Exception {
        var template = dir.resolve("template");
        Files.createDirectories(template.resolve("webapps"));
        Files.createDirectories(template.resolve("start.d"));
        Files.createDirectories(template.resolve("etc"));
        Files.writeString(template.resolve(JettyBase.CONTEXT_XML), "<Configure class=\"WebAppContext\">\n</Configure>\n");
        var settings = SettingsParser.parse(profile, Map.of(), sets);
        return JettyBase.prepare(template, dir.resolve("run"), settings, sets);
    }
}
