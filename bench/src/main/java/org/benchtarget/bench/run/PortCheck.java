package org.benchtarget.bench.run;

import org.benchtarget.bench.BenchException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Refuses a fixed port that something else holds, before a target is started on it. */
public final class PortCheck {
    private PortCheck() {
    }

    static void requireFree(String host, int port) {
        requireFree(host, port, "leave port unset: bench run picks a free one");
    }

    /** As bench serve checks it before any JVM starts (a failed start would record the AOT cache). */
    public static void requireFree(String host, int port, String hint) {
        try (var socket = new ServerSocket(port, 1, InetAddress.getByName(host))) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new BenchException("port " + port + " on " + host + " is in use (" + hint + ")");
        }
    }
}
