package io.newsroom.cms.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A real S3-compatible server: Adobe S3Mock, its runnable jar (classifier {@code exec}) from Maven Central, which the
 * devstack build resolves into the local Maven repository ({@code fetch-s3mock} in libs/devstack/pom.xml). Buckets and
 * objects are files under the data folder and survive a stop and a start (retained on exit). Plain HTTP on 127.0.0.1;
 * S3Mock always opens a second plain-HTTP connector on every interface as well, which nothing here uses: it is given
 * a spare port of its own. Ready in ~4 s; 192 MiB of heap.
 */
public final class S3Server implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(S3Server.class.getName());
    /** The S3Mock version the build fetched ({@code s3mock.version} of the root pom); CMS_S3MOCK_VERSION overrides it. */
    public static final String VERSION = Env.get("CMS_S3MOCK_VERSION", builtVersion());
    /** Any region and any static credentials do: S3Mock checks no signature. These are what the apps are given. */
    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY_ID = "cms-local";
    public static final String SECRET_ACCESS_KEY = "cms-local-secret-not-for-production";

    private final ChildProcess process;
    private final int port;

    private S3Server(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts S3Mock on 127.0.0.1:{@code port} with its buckets in {@code dataDir} (kept when it stops); {@code spareHttpPort}
     * is for the connector S3Mock opens on all interfaces and nothing uses.
     */
    public static S3Server start(int port, int spareHttpPort, Path dataDir, Path log) {
        Path jar = jar();
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(log.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xms32m", "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
                "-jar", jar.toString(),
                "--server.address=127.0.0.1", "--server.port=" + port, "--server.ssl.enabled=false",
                "--com.adobe.testing.s3mock.httpPort=" + spareHttpPort,
                "--spring.main.banner-mode=off");
        Map<String, String> env = Map.of(
                "COM_ADOBE_TESTING_S3MOCK_STORE_ROOT", dataDir.toAbsolutePath().toString(),
                // without it a SIGTERM deletes the whole folder: a restart must find the buckets again
                "COM_ADOBE_TESTING_S3MOCK_STORE_RETAIN_FILES_ON_EXIT", "true");
        ChildProcess process = ChildProcess.start("s3mock", command, env, dataDir, log);
        S3Server server = new S3Server(process, port);
        try {
            // GET / is ListBuckets: 200 once the S3 API answers
            Net.await("S3Mock (log: " + log + ")", Duration.ofSeconds(60), () -> Net.ok(server.endpoint() + "/"), process::alive);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        process.markReady();
        LOG.info(String.format("S3Mock ready at %s after %.1f s", server.endpoint(), process.secondsSinceStart()));
        return server;
    }

    /** The endpoint for clients ({@code endpointOverride}, path-style access), e.g. {@code http://127.0.0.1:9390}. */
    public String endpoint() {
        return endpoint(port);
    }

    public int port() {
        return port;
    }

    public static String endpoint(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** The Quarkiverse quarkus-amazon-s3 client's configuration for the S3 server at {@code endpoint}. */
    public static Map<String, String> quarkusConfig(String endpoint) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.s3.endpoint-override", endpoint);
        config.put("quarkus.s3.path-style-access", "true");
        config.put("quarkus.s3.aws.region", REGION);
        config.put("quarkus.s3.aws.credentials.type", "static");
        config.put("quarkus.s3.aws.credentials.static-provider.access-key-id", ACCESS_KEY_ID);
        config.put("quarkus.s3.aws.credentials.static-provider.secret-access-key", SECRET_ACCESS_KEY);
        return config;
    }

    public Map<String, String> quarkusConfig() {
        return quarkusConfig(endpoint());
    }

    public ChildProcess process() {
        return process;
    }

    /** SIGTERM, then waits until it has exited (the files stay). */
    @Override
    public void close() {
        process.close();
    }

    /** The exec jar in the local Maven repository, or the one CMS_S3MOCK_JAR names. */
    static Path jar() {
        String configured = Env.get("CMS_S3MOCK_JAR", "");
        Path jar;
        if (configured.isEmpty()) {
            if (VERSION.isEmpty()) {
                throw new IllegalStateException("No S3Mock version: libs/devstack's versions.properties was not filtered; "
                        + "build it with ./mvnw -pl libs/devstack install -DskipTests (or set CMS_S3MOCK_JAR)");
            }
            String localRepo = System.getProperty("maven.repo.local", "");
            Path repo = localRepo.isBlank() ? Path.of(System.getProperty("user.home"), ".m2", "repository") : Path.of(localRepo);
            jar = repo.resolve(Path.of("com", "adobe", "testing", "s3mock", VERSION, "s3mock-" + VERSION + "-exec.jar"));
        } else {
            jar = Path.of(configured);
        }
        if (!Files.exists(jar)) {
            throw new IllegalStateException("S3Mock jar not found at " + jar
                    + "; run ./mvnw -pl libs/devstack generate-resources (it downloads it from Maven Central)");
        }
        return jar;
    }

    private static String builtVersion() {
        Properties versions = new Properties();
        try (InputStream in = S3Server.class.getResourceAsStream("versions.properties")) {
            if (in != null) {
                versions.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = versions.getProperty("s3mock.version", "");
        // unfiltered (not built by Maven): jar() names the problem when S3Mock is asked for
        return version.startsWith("${") ? "" : version;
    }
}
