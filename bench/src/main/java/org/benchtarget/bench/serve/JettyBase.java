package org.benchtarget.bench.serve;

import org.benchtarget.bench.BenchException;
import org.benchtarget.core.config.Knob;
import org.benchtarget.core.config.Modes.Workers;
import org.benchtarget.core.config.Settings;
import org.benchtarget.core.config.TlsSettings;
import org.benchtarget.core.tls.ServerTls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The jetty-base of one container run. The build leaves {@code jetty-home-VERSION/} (the official
 * distribution) and a {@code jetty-base/} (WAR and context XML in {@code webapps/}) under
 * target-servlet-jetty/target; {@link #prepare} copies that base and writes the knobs into it: pool,
 * selectors, address, gzip and stop timeout into {@code start.d/benchtarget.ini}, the web app's
 * profile and knobs into its context XML as init parameters (credentials go by environment, never
 * into a file; over TLS, {@link ContainerTls} adds the key store). Stateless.
 */
public final class JettyBase {
    static final String CONTEXT_XML = "webapps/benchtarget-webapp.xml";
    static final String INI = "start.d/benchtarget.ini";
    private static final String MODULE = "target-servlet-jetty/target";

    private JettyBase() {
    }

    /** Returns the unpacked jetty-home: {@code -Dbench.jetty.home}, else the one the build left. */
    public static Path jettyHome(Path benchHome) {
        var configured = System.getProperty("bench.jetty.home");
        if (configured != null) {
            return Path.of(configured);
        }
        var target = benchHome.resolve(MODULE);
        try (Stream<Path> entries = Files.isDirectory(target) ? Files.list(target) : Stream.empty()) {
            return entries.filter(path -> path.getFileName().toString().startsWith("jetty-home-"))
                    .filter(path -> Files.isRegularFile(path.resolve("start.jar")))
                    .findFirst()
                    .orElseThrow(() -> new BenchException("no jetty-home under " + target + ": build first (mvn -DskipTests package)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the jetty-base the build made: {@code -Dbench.jetty.base}, else target-servlet-jetty/target/jetty-base. */
    public static Path templateBase(Path benchHome) {
        var configured = System.getProperty("bench.jetty.base");
        var base = configured != null ? Path.of(configured) : benchHome.resolve(MODULE).resolve("jetty-base");
        if (!Files.isRegularFile(base.resolve(CONTEXT_XML))) {
            throw new BenchException("no " + CONTEXT_XML + " under " + base + ": build first (mvn -DskipTests package)");
        }
        return base;
    }

    /**
     * Copies {@code template} to {@code runBase} (replacing what a previous run left) and writes the
     * knobs: the container's from {@code settings}, the web app's as the profile name plus {@code sets}.
     */
    public static Path prepare(Path template, Path runBase, Settings settings, List<String> sets) throws IOException {
        JettyContainer.SUPPORT.check(settings);
        var tls = TlsSettings.of(settings);
        // first: a bad certificate or key stops the start with one line before anything is written
        var identity = tls.enabled() ? ServerTls.create(tls, settings.host()) : null;
        deleteTree(runBase);
        try (Stream<Path> files = Files.walk(template)) {
            for (var source : files.toList()) {
                var copy = runBase.resolve(template.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        }
        Files.createDirectories(runBase.resolve("work")); // Jetty unpacks the WAR here, not in a shared /tmp
        Files.createDirectories(runBase.resolve("environments")); // the deployment scanner warns when it is missing
        Files.writeString(runBase.resolve(INI), ini(settings));
        var webAppSets = identity != null ? ContainerTls.write(runBase, settings, identity, sets) : sets;
        var xml = Files.readString(runBase.resolve(CONTEXT_XML));
        Files.writeString(runBase.resolve(CONTEXT_XML), xml.replace("</Configure>", initParameters(settings, webAppSets) + "</Configure>"));
        return runBase;
    }

    private static String ini(Settings settings) {
        int pool = settings.threads() + settings.ioThreads() + 1; // as embedded: selectors and the acceptor use the pool
        var tls = TlsSettings.of(settings);
        // over TLS the ssl connector (ContainerTls) serves the port in place of http's; its own knobs go there
        var ini = new StringBuilder("""
                # written by bench serve for profile %s: the container's knobs
                --module=server,%s,ee11-deploy,graceful,size-limit,benchtarget-jetty-core
                jetty.threadPool.minThreads=%d
                jetty.threadPool.maxThreads=%d
                jetty.http.host=%s
                jetty.http.port=%d
                jetty.http.selectors=%d
                jetty.http.acceptors=1
                jetty.http.acceptQueueSize=%d
                jetty.server.stopTimeout=%d
                jetty.httpConfig.sendServerVersion=false
                jetty.httpConfig.requestHeaderSize=%d
                jetty.sizeLimit.maxRequestContentSize=%d
                jetty.http.idleTimeout=%d
                jetty.deploy.scanInterval=0
                """.formatted(settings.profile(), tls.enabled() ? ContainerTls.connectorModules(tls) : "http", pool, pool, settings.host(), settings.port(), settings.ioThreads(),
                settings.backlog(), settings.shutdownTimeout().toMillis(), settings.limits().maxHeaderBytes(),
                settings.limits().maxBodyBytes(), settings.limits().idleTimeout().toMillis()));
        // as embedded (NetworkConnectionLimit): past max-connections Jetty stops accepting until one closes
        ini.append("--module=network-connection-limit\njetty.networkConnectionLimit.maxNetworkConnectionCount=").append(settings.maxConnections()).append('\n');
        if (tls.http2() && !tls.enabled()) {
            // h2c (prior knowledge and Upgrade: h2c) beside HTTP/1.1 on the http connector, streams bounded as embedded
            ini.append("--module=http2c\njetty.http2c.maxConcurrentStreams=").append(TlsSettings.MAX_CONCURRENT_STREAMS)
                    .append("\njetty.http2c.rateControl.maxEventsPerSecond=128\n");
        }
        if (settings.gzip()) {
            ini.append("--module=compression-gzip\njetty.compression.gzip.minCompressSize=1024\n");
        }
        if (settings.workers() == Workers.VIRTUAL) {
            // Jetty's VirtualThreadPool caps concurrent tasks (200 by default); embedded has no cap, so neither here.
            ini.append("--module=threadpool-virtual\njetty.threadPool.virtual.maxConcurrentTasks=100000\n");
        }
        return ini.toString();
    }

    private static String initParameters(Settings settings, List<String> sets) {
        var params = new LinkedHashMap<String, String>();
        params.put("bench.profile", settings.profile());
        for (var set : sets) {
            int eq = set.indexOf('=');
            var key = set.substring(0, eq).strip();
            if (!secret(key)) {
                params.put("bench.set." + key, set.substring(eq + 1).strip());
            }
        }
        var xml = new StringBuilder("  <!-- written by bench serve: the web app's knobs -->\n");
        params.forEach((name, value) -> xml.append("  <Call name=\"setInitParameter\"><Arg>").append(escape(name))
                .append("</Arg><Arg>").append(escape(value)).append("</Arg></Call>\n"));
        return xml.toString();
    }

    /** Returns the environment variables that carry credentials given in {@code sets} (BENCH_DB_PASSWORD, BENCH_SECRET). */
    public static Map<String, String> secretEnvironment(List<String> sets) {
        var env = new LinkedHashMap<String, String>();
        for (var set : sets) {
            int eq = set.indexOf('=');
            var key = set.substring(0, eq).strip();
            if (secret(key)) {
                env.put(Knob.byKey(key).orElseThrow().envName(), set.substring(eq + 1).strip());
            }
        }
        return env;
    }

    /** Whether a {@code knob=value} carries a credential (db.password, secret): it goes in the environment, never shown. */
    public static boolean carriesCredential(String set) {
        int eq = set.indexOf('=');
        return eq > 0 && secret(set.substring(0, eq).strip());
    }

    private static boolean secret(String key) {
        return key.equals(Knob.DB_PASSWORD.key()) || key.equals(Knob.SECRET.key());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (var path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
