package org.benchtarget.e2e;

import org.benchtarget.bench.BenchException;
import org.benchtarget.bench.serve.JettyBase;
import org.benchtarget.bench.serve.JettyContainer;
import org.benchtarget.bench.serve.TargetJvm;
import org.benchtarget.bench.verify.ClientTransport;
import org.benchtarget.bench.verify.ContractChecks;
import org.benchtarget.bench.verify.HardeningChecks;
import org.benchtarget.bench.verify.HttpProbe;
import org.benchtarget.bench.verify.ProtocolSuite;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.core.config.TlsSettings;
import org.benchtarget.core.tls.ServerTls;
import org.benchtarget.db.DbKind;
import org.benchtarget.db.testing.TestDatabases;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Container mode end to end: target-servlet-jetty's WAR and jetty-base in its unpacked jetty-home, started with
 * start.jar as its own process (the launcher bench serve uses) on a free port, the conformance suite
 * against it, then stopped by PID with SIGTERM.
 */
class ContainerModeIT {
    /** failsafe runs in e2e/; the clone's root holds target-servlet-jetty's unpacked jetty-home and jetty-base. */
    private static final Path CLONE = Path.of("").toAbsolutePath().getParent();
    private static final Path HOME = JettyBase.jettyHome(CLONE);
    private static final Path TEMPLATE = JettyBase.templateBase(CLONE);
    private static final Path RUNS = Path.of("target", "container-mode");
    private static final AtomicInteger RUN = new AtomicInteger();

    @TestFactory
    Stream<DynamicNode> conformsToTheContract() {
        return Stream.of(
                run(DbKind.H2, "threads", "off"),
                run(DbKind.POSTGRES, "threads", "on"),
                run(DbKind.H2, "virtual", "on"));
    }

    private DynamicNode run(DbKind db, String workers, String gzip) {
        var name = "jetty-container workers=" + workers + " gzip=" + gzip + " db=" + db.knobValue();
        return DynamicContainer.dynamicContainer(name, Stream.of(dynamicTest("all checks", () -> {
            var sets = new ArrayList<>(List.of("host=127.0.0.1", "port=0", "workers=" + workers, "gzip=" + gzip));
            sets.addAll(SettingsParser.dbKnobs(TestDatabases.fresh(db)));
            var log = new ByteArrayOutputStream();
            try (var container = start(sets, log)) {
                var base = URI.create("http://127.0.0.1:" + container.port());
                var info = new HttpProbe(base).get("/info").text();
                assertThat(info).contains("\"mode\" : \"container\"", "\"target\" : \"jetty\"", "\"workers\" : \"" + workers + "\"");
                var failures = new ContractChecks(base).failures();
                assertTrue(failures.isEmpty(), () -> "contract checks failed:\n" + String.join("\n", failures) + "\nJetty's output:\n" + log);
            }
        })));
    }

    @Test
    void refusesBadInputAndStaysSecure() throws Exception {
        var sets = new ArrayList<>(List.of("host=127.0.0.1", "port=0"));
        sets.addAll(HardeningChecks.KNOBS);
        var log = new ByteArrayOutputStream();
        try (var container = start(sets, log)) {
            var failures = HardeningChecks.failures(URI.create("http://127.0.0.1:" + container.port()));
            assertTrue(failures.isEmpty(), () -> "checks failed:\n" + String.join("\n", failures) + "\nJetty's output:\n" + log);
        }
    }

    /**
     * jetty-container-h2: jetty-home's ssl, alpn and http2 modules on the target's port with the certificate given as
     * PEM files (bench serve writes them into a PKCS#12 key store in the run's base), the contract and protocol checks
     * over h2, and /info naming the profile the run was started with.
     */
    @Test
    void servesTlsAndH2ThroughJettyHomesOwnModules() throws Exception {
        var identity = ServerTls.create(TlsSettings.of(SettingsParser.parse(null, Map.of(), List.of("tls=on"))), "127.0.0.1");
        var sets = List.of("host=127.0.0.1", "port=0", "request.idle-timeout=10s", "tls.cert=" + identity.certFile(), "tls.key=" + identity.keyFile());
        var log = new ByteArrayOutputStream();
        try (var container = start("jetty-container-h2", sets, log)) {
            var base = URI.create("https://127.0.0.1:" + container.port());
            // one pass, to keep the suite short: the contract and the protocol checks over h2 (a silent or garbage TLS
            // handshake among them); the contract over HTTP/1.1 is the cleartext runs' above, TLS being the same
            // connector's for both. Bad input over TLS (75 s here, each slow client waiting out the idle timeout) is
            // JettyProtocolsIT's, on the same Jetty HTTP parser behind the same SslConnectionFactory
            var failures = ProtocolSuite.failures(base, identity.certFile(), true, false);
            assertTrue(failures.isEmpty(), () -> "checks failed:\n" + String.join("\n", failures) + "\nJetty's output:\n" + log);
            ClientTransport.use(new ClientTransport(true, ClientTransport.trusting(identity.certFile())));
            try {
                var info = new HttpProbe(base).get("/info").text();
                assertThat(info).contains("\"profile\" : \"jetty-container-h2\"", "\"tls\" : \"on\"", "\"http2\" : \"on\"",
                        "\"tlsFingerprint\" : \"" + identity.fingerprint() + "\"");
            } finally {
                ClientTransport.use(ClientTransport.DEFAULT);
            }
        }
        // the key store and its password are the owner's only
        var runBase = RUNS.resolve("jetty-base-" + RUN.get());
        assertThat(Files.getPosixFilePermissions(runBase.resolve("start.d/benchtarget-tls.ini"))).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(runBase.resolve("etc/benchtarget-tls.p12"))).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    /** The profile bench serve names reaches the web app: web.xml once replaced it with jetty-container. */
    @Test
    void infoNamesTheProfileTheContainerWasStartedWith() throws Exception {
        var log = new ByteArrayOutputStream();
        try (var container = start("jetty-container-h2c", List.of("host=127.0.0.1", "port=0"), log)) {
            var info = new HttpProbe(URI.create("http://127.0.0.1:" + container.port())).get("/info").text();
            assertThat(info).contains("\"profile\" : \"jetty-container-h2c\"", "\"http2\" : \"on\"");
        }
    }

    @Test
    void aBadKnobInTheWebAppConfigurationFailsTheContainerStartWithOneLine() throws Exception {
        var log = new ByteArrayOutputStream();
        assertThatThrownBy(() -> start(List.of("host=127.0.0.1", "port=0", "cache=sometimes"), log).close())
                .isInstanceOf(org.benchtarget.core.config.SettingsException.class)
                .hasMessageContaining("cache=sometimes");
        // the launcher checks first; the WAR itself refuses too, when the knob reaches only the web app
        var settings = SettingsParser.parse("jetty-container", Map.of(), List.of("host=127.0.0.1", "port=0"));
        var base = JettyBase.prepare(TEMPLATE, RUNS.resolve("jetty-base-bad"), settings, List.of("cache=sometimes"));
        assertThatThrownBy(() -> JettyContainer.start(List.of(), HOME, base, TargetJvm.options(List.of()), Map.of(), Duration.ofMinutes(2),
                new PrintStream(log, true, StandardCharsets.UTF_8)).close())
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("exited before it listened");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("benchtarget-jetty: cache=sometimes: expected one of off, data, page");
    }

    @Test
    void nioIsRefusedBeforeAnythingStarts() {
        var settings = SettingsParser.parse("jetty-container", Map.of(), List.of("workers=nio"));
        assertThatThrownBy(() -> JettyBase.prepare(TEMPLATE, RUNS.resolve("jetty-base-nio"), settings, List.of("workers=nio")))
                .hasMessageStartingWith("workers=nio: not supported by jetty");
    }

    private static JettyContainer start(List<String> sets, ByteArrayOutputStream log) throws Exception {
        return start("jetty-container", sets, log);
    }

    private static JettyContainer start(String profile, List<String> sets, ByteArrayOutputStream log) throws Exception {
        var settings = SettingsParser.parse(profile, Map.of(), sets);
        var base = JettyBase.prepare(TEMPLATE, RUNS.resolve("jetty-base-" + RUN.incrementAndGet()), settings, sets);
        return JettyContainer.start(List.of(), HOME, base, TargetJvm.options(List.of()), JettyBase.secretEnvironment(sets),
                Duration.ofMinutes(2), new PrintStream(log, true, StandardCharsets.UTF_8));
    }
}
