package org.benchtarget.bench.cluster;

import org.benchtarget.bench.BenchException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The {@code ip} commands the cluster needs (iproute2, run as root), each failing with the tool's own line. */
final class Ip {
    private Ip() {
    }

    /** Returns the command prefix that runs a program inside {@code namespace}. */
    static List<String> in(String namespace) {
        return List.of("ip", "netns", "exec", namespace);
    }

    static void addNamespace(String namespace) {
        run("ip", "netns", "add", namespace);
        run("ip", "-n", namespace, "link", "set", "lo", "up");
    }

    /** Deletes a namespace (its veth ends go with it); false when it was not there. */
    static boolean deleteNamespace(String namespace) {
        if (!namespaces().contains(namespace)) {
            return false;
        }
        run("ip", "netns", "delete", namespace);
        return true;
    }

    static List<String> namespaces() {
        var names = new ArrayList<String>();
        for (var line : run("ip", "netns", "list").lines().toList()) {
            if (!line.isBlank()) {
                names.add(line.strip().split("\\s+")[0]);
            }
        }
        return names;
    }

    /** The PIDs of every process inside a namespace (what down kills: all of them are the cluster's). */
    static List<Long> pids(String namespace) {
        if (!namespaces().contains(namespace)) {
            return List.of();
        }
        return run("ip", "netns", "pids", namespace).lines().filter(line -> !line.isBlank())
                .map(line -> Long.parseLong(line.strip())).toList();
    }

    static void bridge(String namespace, String bridge) {
        run("ip", "-n", namespace, "link", "add", bridge, "type", "bridge");
        run("ip", "-n", namespace, "link", "set", bridge, "up");
    }

    /** A veth pair from {@code eth0} in the host's namespace to a port of the bridge, and the host's address. */
    static void plug(String hostNamespace, String address, String switchNamespace, String bridge, String port) {
        run("ip", "link", "add", "eth0", "netns", hostNamespace, "type", "veth", "peer", "name", port, "netns", switchNamespace);
        run("ip", "-n", switchNamespace, "link", "set", port, "master", bridge);
        run("ip", "-n", switchNamespace, "link", "set", port, "up");
        run("ip", "-n", hostNamespace, "addr", "add", address + "/24", "dev", "eth0");
        run("ip", "-n", hostNamespace, "link", "set", "eth0", "up");
    }

    static String run(String... command) {
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new BenchException(String.join(" ", command) + ": no answer in 30 s");
            }
            if (process.exitValue() != 0) {
                throw new BenchException(String.join(" ", command) + ": " + output.strip().lines().findFirst().orElse("exit " + process.exitValue()));
            }
            return output;
        } catch (IOException e) {
            throw new BenchException(command[0] + " cannot run (" + e.getMessage() + "): bench cluster needs iproute2 and root");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException(String.join(" ", command) + ": interrupted");
        }
    }
}
