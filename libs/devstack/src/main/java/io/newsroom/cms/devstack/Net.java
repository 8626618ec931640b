package io.newsroom.cms.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/** Ports and readiness polling. */
public final class Net {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Net() {
    }

    /** Fixed ports of the local stack, the benchmark and the machine's own services within the range freePort uses. */
    private static final Set<Integer> FIXED = Set.of(11211, 15672, 18080, 18090, 25672, 27017, 27018);
    /** Ports handed out by this JVM, so two servers it starts are never given the same one before either binds it. */
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    /**
     * A free loopback port for a server the tests start, outside the kernel's ephemeral range. A port the kernel hands
     * out for {@code bind(0)} comes from the same range as the source ports of outgoing connections, and with Kafka,
     * PostgreSQL and HTTP clients opening connections all the time, one of them took such a port before the server it was
     * meant for had bound it (Keycloak's management interface: "Address already in use"). Ports below the range are
     * never given to a client connection; whether one is free now is checked by binding it.
     */
    public static int freePort() {
        int[] ephemeral = ephemeralRange();
        int low = 10_000;
        int high = ephemeral[0] - 1;
        if (high - low < 2_000) {
            low = ephemeral[1] + 1;
            high = 65_535;
        }
        if (high - low >= 2_000) {
            for (int attempt = 0; attempt < 500; attempt++) {
                int port = low + ThreadLocalRandom.current().nextInt(high - low + 1);
                if (!FIXED.contains(port) && bindable(port) && GIVEN.add(port)) {
                    return port;
                }
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false); // strict: any socket still on the port makes it taken
            socket.bind(new InetSocketAddress("0.0.0.0", port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Linux's range for the source ports of outgoing connections (its default when it cannot be read). */
    static int[] ephemeralRange() {
        try {
            String[] range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+");
            return new int[]{Integer.parseInt(range[0]), Integer.parseInt(range[1])};
        } catch (IOException | RuntimeException e) {
            return new int[]{32_768, 60_999};
        }
    }

    public static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** GET url and report whether it answered 2xx. */
    public static boolean ok(String url) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Polls until the condition holds; {@code stillAlive} false ends the wait early (the process died). */
    public static void await(String what, Duration timeout, BooleanSupplier condition, BooleanSupplier stillAlive) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            if (!stillAlive.getAsBoolean()) {
                throw new IllegalStateException(what + " exited before it was ready");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted waiting for " + what);
            }
        }
        throw new IllegalStateException(what + " not ready within " + timeout.toSeconds() + " s");
    }
}
