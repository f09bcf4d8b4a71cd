package org.benchtarget.bench.cluster;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.benchtarget.bench.BenchException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code cluster.json} in the cluster's folder: what {@code up} made, written before each thing is made, so
 * {@code down} can remove every namespace and process even after a failed or killed {@code up}. Not thread-safe.
 */
final class ClusterState {
    static final String FILE = "cluster.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The file's content. {@code pids}: host name to the PID of the process started there (kill and report by it). */
    record Content(String prefix, String subnet, int targets, int loads, String store, String lb, String profile, List<String> sets,
                   List<String> namespaces, Map<String, Long> pids, List<String> scratch, Map<String, String> facts) {
    }

    private final Path file;
    private Content content;

    private ClusterState(Path file, Content content) {
        this.file = file;
        this.content = content;
    }

    static ClusterState create(Path dir, ClusterLayout layout, int targets, int loads, String lb, String profile, List<String> sets) {
        var state = new ClusterState(dir.resolve(FILE), new Content(layout.prefix(), layout.subnet(), targets, loads, layout.store().key(), lb, profile,
                List.copyOf(sets), new ArrayList<>(), new LinkedHashMap<>(), new ArrayList<>(), new LinkedHashMap<>()));
        state.save();
        return state;
    }

    /** Returns the state of the cluster in {@code dir}, or null when none is recorded there. */
    static ClusterState read(Path dir) {
        var file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            var content = JSON.readValue(file.toFile(), Content.class);
            // a state file of before --store has none: sql
            var store = content.store() == null ? ClusterLayout.Store.SQL.key() : content.store();
            return new ClusterState(file, new Content(content.prefix(), content.subnet(), content.targets(), content.loads(), store,
                    content.lb(), content.profile(), content.sets(), new ArrayList<>(content.namespaces()),
                    new LinkedHashMap<>(content.pids()), new ArrayList<>(content.scratch()), new LinkedHashMap<>(content.facts())));
        } catch (IOException e) {
            throw new BenchException(file + " is not a cluster state file: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    Content content() {
        return content;
    }

    ClusterLayout layout() {
        return ClusterLayout.of(content.prefix(), content.subnet(), content.targets(), content.loads(), ClusterLayout.Store.of(content.store()));
    }

    void namespace(String namespace) {
        content.namespaces().add(namespace);
        save();
    }

    void pid(String host, long pid) {
        content.pids().put(host, pid);
        save();
    }

    /** A folder whose data goes with the cluster (PostgreSQL's, owned by its user; Cassandra's): down deletes it. */
    void scratch(Path dir) {
        content.scratch().add(dir.toString());
        save();
    }

    void fact(String key, String value) {
        content.facts().put(key, value);
        save();
    }

    void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    private void save() {
        try {
            var partial = file.resolveSibling(FILE + ".partial");
            Files.writeString(partial, JSON.writeValueAsString(content));
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
