package org.benchtarget.core.ops;

import com.fasterxml.jackson.core.JsonFactory;
import org.benchtarget.core.TargetLauncher;
import org.benchtarget.core.config.Knob;
import org.benchtarget.core.config.Settings;
import org.benchtarget.core.web.WebResult;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GET /info: what is running. The effective knobs (never credentials), the JVM, the process and
 * what the adapter reports of its server (thread counts, server version). Thread-safe.
 */
public final class Info {
    private static final JsonFactory JSON = new JsonFactory();

    private final Settings settings;
    private final String version;
    private final Instant started;
    private final Map<String, String> server = new ConcurrentHashMap<>();

    public Info(Settings settings, String version, Instant started) {
        this.settings = settings;
        this.version = version;
        this.started = started;
    }

    /** Adds what only the adapter knows, e.g. {@code server=undertow 2.3.27.Final}. */
    public void put(String key, String value) {
        server.put(key, value);
    }

    /** On a daemon's backend: the front's tls and http2, which clients get (see {@link TargetLauncher#FRONT_PROTOCOLS}). */
    private static Map<String, String> frontProtocols() {
        var given = System.getProperty(TargetLauncher.FRONT_PROTOCOLS, "");
        var protocols = new HashMap<String, String>();
        for (var pair : given.split(",")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                protocols.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return protocols;
    }

    public WebResult render() {
        var out = new ByteArrayOutputStream(1024);
        try (var json = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeStringField("target", settings.target());
            json.writeStringField("mode", settings.mode().knobValue());
            json.writeStringField("profile", settings.profile());
            json.writeStringField("workers", settings.effective().get(Knob.WORKERS));
            json.writeNumberField("threads", settings.threads());
            json.writeNumberField("ioThreads", settings.ioThreads());
            json.writeStringField("gzip", settings.gzip() ? "on" : "off");
            json.writeStringField("cache", settings.effective().get(Knob.CACHE));
            json.writeStringField("wallQueries", settings.effective().get(Knob.WALL_QUERIES));
            json.writeStringField("keepalive", settings.keepalive() ? "on" : "off");
            json.writeStringField("db", settings.db().kind().knobValue());
            json.writeObjectFieldStart("knobs");
            var front = frontProtocols();
            for (var knob : Knob.values()) {
                if (knob != Knob.DB_PASSWORD && knob != Knob.DB_URL && knob != Knob.SECRET && knob != Knob.WINDOW_TOKEN) {
                    json.writeStringField(knob.key(), front.getOrDefault(knob.key(), settings.effective().get(knob)));
                }
            }
            json.writeStringField(Knob.DB_URL.key(), settings.db().describe().substring(settings.db().kind().knobValue().length() + 1));
            for (var injection : settings.fixture().injections().entrySet()) {
                json.writeStringField(injection.getKey(), injection.getValue());
            }
            json.writeEndObject();
            json.writeObjectFieldStart("server");
            for (var entry : new TreeMap<>(server).entrySet()) {
                json.writeStringField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
            json.writeObjectFieldStart("jvm");
            for (var entry : jvm().entrySet()) {
                json.writeStringField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
            json.writeNumberField("pid", ProcessHandle.current().pid());
            json.writeStringField("startTime", started.toString());
            json.writeStringField("version", version);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return WebResult.ok(WebResult.JSON, out.toByteArray());
    }

    private static Map<String, String> jvm() {
        var runtime = Runtime.getRuntime();
        var jvm = new LinkedHashMap<String, String>();
        jvm.put("version", Runtime.version().toString());
        jvm.put("vendor", System.getProperty("java.vendor", ""));
        jvm.put("cpus", Integer.toString(runtime.availableProcessors()));
        jvm.put("maxHeap", (runtime.maxMemory() >> 20) + " MiB");
        jvm.put("gc", String.join(", ", ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList()));
        jvm.put("flags", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> !arg.contains("password")).toList()));
        return jvm;
    }
}
