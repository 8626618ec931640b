package io.newsroom.cms.devstack.testing;

import io.newsroom.cms.devstack.Env;
import io.newsroom.cms.devstack.KafkaServer;
import io.newsroom.cms.devstack.Net;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real Kafka broker (single-node KRaft, Maven Central's jars) for a test module, on free ports with a throw-away
 * log; or the broker at {@code CMS_TEST_KAFKA_BOOTSTRAP} when set. Gives the app {@code kafka.bootstrap.servers}.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {
    private static volatile KafkaResource current;
    private KafkaServer server;
    private Path dataDir;
    private int port;
    private int controllerPort;
    private static volatile String bootstrap;

    @Override
    public Map<String, String> start() {
        String external = Env.get("CMS_TEST_KAFKA_BOOTSTRAP", "");
        if (!external.isEmpty()) {
            bootstrap = external;
            return Map.of("kafka.bootstrap.servers", external);
        }
        try {
            dataDir = Files.createTempDirectory("cms-kafka-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = Net.freePort();
        controllerPort = Net.freePort();
        startBroker();
        current = this;
        bootstrap = server.bootstrapServers();
        return Map.of("kafka.bootstrap.servers", bootstrap);
    }

    /** The broker of the running test resource, for outage tests (stop, then start again with the same log). */
    public static KafkaResource current() {
        if (current == null) {
            throw new IllegalStateException("No Kafka broker of this test resource runs (an external one is used?)");
        }
        return current;
    }

    /** Before the other test resources: sibling services started by them send their events to this broker. */
    @Override
    public int order() {
        return -1;
    }

    /** The bootstrap address of this module's broker while its test resource runs, else null. */
    public static String bootstrapIfRunning() {
        return bootstrap;
    }

    public synchronized void startBroker() {
        if (server == null) {
            server = KafkaServer.start(Env.repoRoot(), port, controllerPort, dataDir, dataDir.resolve("kafka.log"));
        }
    }

    public synchronized void stopBroker() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public void stop() {
        stopBroker();
        current = null;
        bootstrap = null;
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a temp folder left behind is harmless
            }
        }
    }
}
