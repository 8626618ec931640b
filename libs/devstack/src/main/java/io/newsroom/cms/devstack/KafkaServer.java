package io.newsroom.cms.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A real Apache Kafka broker, single-node KRaft (broker and controller in one process), from Maven Central's jars
 * (gathered by {@code libs/kafka-broker} into its {@code target/lib}). The log is formatted once per data folder;
 * every start writes the configuration for the ports asked and waits until the broker accepts connections (~3 s).
 * Small on purpose: 128 MiB of heap and a 16 MiB cleaner buffer (the default takes 128 MiB at start).
 */
public final class KafkaServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(KafkaServer.class.getName());

    private final ChildProcess process;
    private final int port;

    private KafkaServer(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the broker on {@code port} (clients) and {@code controllerPort}, with its log in {@code dataDir}. */
    public static KafkaServer start(Path repoRoot, int port, int controllerPort, Path dataDir, Path log) {
        Path lib = repoRoot.resolve("libs/kafka-broker/target/lib");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException("No Kafka broker jars in " + lib + ": build first (./mvnw -pl libs/kafka-broker package)");
        }
        Path logs = dataDir.resolve("log");
        Path config = dataDir.resolve("server.properties");
        try {
            Files.createDirectories(logs);
            Files.createDirectories(log.getParent());
            Files.writeString(config, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "log.dirs=" + logs,
                    "num.partitions=3",
                    "offsets.topic.replication.factor=1",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "log.cleaner.dedupe.buffer.size=16777216",
                    // the services create their topics with their settings (compaction, retention); a typo'd name fails
                    "auto.create.topics.enable=false",
                    ""));
            Files.writeString(dataDir.resolve("log4j2.properties"), String.join("\n",
                    "rootLogger.level=WARN",
                    "rootLogger.appenderRef.out.ref=out",
                    "appender.out.type=Console",
                    "appender.out.name=out",
                    "appender.out.layout.type=PatternLayout",
                    "appender.out.layout.pattern=%d{HH:mm:ss.SSS} %-5p [%c{1}] %m%n",
                    "logger.kafka.name=kafka.server.KafkaRaftServer",
                    "logger.kafka.level=INFO",
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = lib + "/*";
        if (!Files.exists(logs.resolve("meta.properties"))) {
            format(java, classpath, config, dataDir, log);
        }
        List<String> command = List.of(java, "-Xms32m", "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=" + dataDir.resolve("log4j2.properties"), "-cp", classpath,
                "kafka.Kafka", config.toString());
        ChildProcess process = ChildProcess.start("kafka", command, Map.of(), dataDir, log);
        try {
            Net.await("Kafka (log: " + log + ")", Duration.ofSeconds(60), () -> Net.listening("127.0.0.1", port), process::alive);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        process.markReady();
        LOG.info(String.format("Kafka ready at 127.0.0.1:%d after %.1f s", port, process.secondsSinceStart()));
        return new KafkaServer(process, port);
    }

    private static void format(String java, String classpath, Path config, Path dataDir, Path log) {
        byte[] id = new byte[16];
        String clusterId;
        do {
            new SecureRandom().nextBytes(id);
            clusterId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        } while (clusterId.startsWith("-"));
        try {
            Process format = new ProcessBuilder(java, "-Xmx128m", "-cp", classpath, "kafka.tools.StorageTool", "format",
                    "--standalone", "-t", clusterId, "-c", config.toString())
                    .directory(dataDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new IllegalStateException("Formatting Kafka's log failed; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code host:port} for clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
