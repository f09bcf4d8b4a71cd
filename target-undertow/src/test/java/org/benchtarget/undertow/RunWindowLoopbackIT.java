package org.benchtarget.undertow;

import org.junit.jupiter.api.Test;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A target on 0.0.0.0 (the default) without window.token: run windows open for a client on loopback, not for others. */
class RunWindowLoopbackIT {

    @Test
    void aLoopbackClientNeedsNoTokenWhenTheTargetListensOnEveryAddress() throws Exception {
        try (var server = H2Target.start("undertow-nio", "host=0.0.0.0");
             var client = HttpClient.newHttpClient()) {
            var loopback = URI.create("http://127.0.0.1:" + server.port() + "/bench/window");
            assertThat(send(client, "POST", loopback).statusCode()).isEqualTo(201);
            assertThat(send(client, "DELETE", loopback).statusCode()).isEqualTo(200);

            var other = nonLoopbackAddress();
            if (other.isPresent()) { // a client from another address of this host is beyond loopback: refused
                var beyond = URI.create("http://" + other.get().getHostAddress() + ":" + server.port() + "/bench/window");
                var refused = send(client, "POST", beyond);
                assertThat(refused.statusCode()).isEqualTo(403);
                assertThat(refused.body()).contains("window.token");
            }
        }
    }

    private static HttpResponse<String> send(HttpClient client, String method, URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
        return NetworkInterface.networkInterfaces().filter(nic -> {
                    try {
                        return nic.isUp() && !nic.isLoopback();
                    } catch (java.net.SocketException e) {
                        return false;
                    }
                }).flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()).findFirst();
    }
}
