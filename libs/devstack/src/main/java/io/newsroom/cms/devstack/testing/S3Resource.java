package io.newsroom.cms.devstack.testing;

import io.newsroom.cms.devstack.Env;
import io.newsroom.cms.devstack.Net;
import io.newsroom.cms.devstack.S3Server;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real S3-compatible server (Adobe S3Mock, Maven Central's jar) for a test module, on free ports with throw-away
 * buckets; or the server at {@code CMS_TEST_S3_ENDPOINT} when set. Gives the app the {@code quarkus.s3.*} client
 * configuration (endpoint override, path-style access, region, static credentials). Stopping and starting it again
 * ({@link #stopServer()}, {@link #startServer()}) keeps the buckets and objects: an outage, not a wipe.
 */
public class S3Resource implements QuarkusTestResourceLifecycleManager {
    private static volatile S3Resource current;
    private static volatile String endpoint;
    private S3Server server;
    private Path dataDir;
    private int port;
    private int spareHttpPort;

    @Override
    public Map<String, String> start() {
        String external = Env.get("CMS_TEST_S3_ENDPOINT", "");
        if (!external.isEmpty()) {
            endpoint = external.replaceAll("/$", "");
            return S3Server.quarkusConfig(endpoint);
        }
        try {
            dataDir = Files.createTempDirectory("cms-s3-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = Net.freePort();
        spareHttpPort = Net.freePort();
        startServer();
        current = this;
        endpoint = S3Server.endpoint(port);
        return S3Server.quarkusConfig(endpoint);
    }

    /** The server of the running test resource, for outage tests (stop, then start again with the same buckets). */
    public static S3Resource current() {
        if (current == null) {
            throw new IllegalStateException("No S3 server of this test resource runs (an external one is used?)");
        }
        return current;
    }

    /** The endpoint of this module's S3 server while its test resource runs (for a test's own SDK client), else null. */
    public static String endpointIfRunning() {
        return endpoint;
    }

    /** Starts the server (again) on the same port with the same buckets; returns once it answers. */
    public synchronized void startServer() {
        if (server == null) {
            server = S3Server.start(port, spareHttpPort, dataDir.resolve("store"), dataDir.resolve("s3mock.log"));
        }
    }

    /** Stops the server (SIGTERM, waits until it exited): requests to it are refused until {@link #startServer()}. */
    public synchronized void stopServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public void stop() {
        stopServer();
        current = null;
        endpoint = null;
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a temp folder left behind is harmless
            }
        }
    }
}
