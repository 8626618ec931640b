package io.newsroom.cms.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;

/**
 * The whole CMS on one machine: PostgreSQL, MongoDB (wire server or real), Kafka, Keycloak, S3Mock (S3-compatible
 * storage), the services and the gateway as packaged Quarkus apps. Used by {@code ./cms up} (fixed ports, persistent
 * data) and by the e2e tests (free ports, throw-away data) so both run the system the same way.
 */
public final class Stack implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Stack.class.getName());

    /** Databases the stack creates on its PostgreSQL, one per service that has one (with the stack's suffix). */
    private static final List<String> DATABASES = List.of("articles", "authors", "webhooks", "media");

    /**
     * Where everything listens. {@code s3Spare}: S3Mock always opens a second plain-HTTP connector, on every interface;
     * nothing uses it, it only needs a port of its own.
     */
    public record Ports(int gateway, int articles, int authors, int curation, int webhooks, int media, int keycloak,
                        int keycloakManagement, int mongo, int kafka, int kafkaController, int s3, int s3Spare) {
        public static Ports local() {
            return new Ports(8080, 8081, 8082, 8083, 8084, 8085, 8180, 9180, 27018, 9092, 9093, 9390, 9391);
        }

        public static Ports free() {
            return freeWithGateway(Net.freePort());
        }

        /** Free ports, except the gateway's: browser tests need one the realm lists as a redirect URI. */
        public static Ports freeWithGateway(int gateway) {
            return new Ports(gateway, Net.freePort(), Net.freePort(), Net.freePort(), Net.freePort(), Net.freePort(),
                    Net.freePort(), Net.freePort(), Net.freePort(), Net.freePort(), Net.freePort(), Net.freePort(), Net.freePort());
        }

        Map<String, Integer> byName() {
            Map<String, Integer> ports = new LinkedHashMap<>();
            ports.put("gateway", gateway);
            ports.put("articles", articles);
            ports.put("authors", authors);
            ports.put("curation", curation);
            ports.put("webhooks", webhooks);
            ports.put("media", media);
            ports.put("keycloak", keycloak);
            ports.put("keycloak management", keycloakManagement);
            ports.put("mongo wire server", mongo);
            ports.put("kafka", kafka);
            ports.put("kafka controller", kafkaController);
            ports.put("s3 (S3Mock)", s3);
            ports.put("S3Mock's unused http connector", s3Spare);
            return ports;
        }
    }

    /**
     * @param persistent keep data in {@code dataDir} across runs (local stack) or use throw-away databases (tests)
     * @param ownStores  a PostgreSQL and a MongoDB wire server of the stack's own, in {@code dataDir}, that can be
     *                   stopped and started again with their data (the trust suite's outages); otherwise the machine's
     *                   PostgreSQL when one answers, and an in-memory wire server for throw-away runs
     */
    /**
     * {@code sharedKeycloak}: the folder of the Keycloak a {@code ./cms test} run shares between its tests
     * ({@code CMS_TEST_KEYCLOAK_SHARED_DIR}), used instead of a Keycloak of the stack's own (null: its own, which the
     * trust suite needs, since it stops and starts it).
     */
    public record Options(Path repoRoot, Path dataDir, Path logDir, Ports ports, boolean persistent, boolean ownStores,
                          Path sharedKeycloak) {
        public Options(Path repoRoot, Path dataDir, Path logDir, Ports ports, boolean persistent, boolean ownStores) {
            this(repoRoot, dataDir, logDir, ports, persistent, ownStores, null);
        }

        public Options(Path repoRoot, Path dataDir, Path logDir, Ports ports, boolean persistent) {
            this(repoRoot, dataDir, logDir, ports, persistent, false, null);
        }
    }

    /**
     * JVM options of the apps on a developer machine: small and quick to start (C1 only: ~2.5 s to ready and under
     * 200 MiB idle per service, measured in bench/startup). The benchmark overrides them with CMS_APP_JAVA_OPTS
     * (full JIT), as a production deployment would.
     */
    static final String LOCAL_JAVA_OPTS = "-Xms32m -Xmx160m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k "
            + "-XX:ReservedCodeCacheSize=48m -XX:MaxMetaspaceSize=128m -XX:+ExitOnOutOfMemoryError";

    private final Options options;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, ChildProcess> apps = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> appConfig = new LinkedHashMap<>();
    private PostgresServer postgres;
    private KeycloakServer keycloak;
    private MongoServerRunner mongo;
    private KafkaServer kafka;
    private final Object kafkaLock = new Object();
    private S3Server s3;
    private final Object s3Lock = new Object();
    private String mongoUri;
    private final String dbSuffix;

    private Stack(Options options) {
        this.options = options;
        // CMS_DB_SUFFIX keeps another persistent stack (the benchmark's) out of the local stack's databases
        this.dbSuffix = options.persistent() ? Env.get("CMS_DB_SUFFIX", "")
                : "_e2e_" + Long.toString(System.nanoTime() & 0xffffffL, 36);
    }

    public static Stack start(Options options) {
        Stack stack = new Stack(options);
        try {
            stack.boot();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** Refuses to start when a port is taken, naming the port and what it is for. */
    public static void requireFreePorts(Ports ports, boolean mongoNeeded) {
        List<String> taken = new ArrayList<>();
        ports.byName().forEach((name, port) -> {
            if ((mongoNeeded || !name.startsWith("mongo")) && Net.listening("127.0.0.1", port)) {
                taken.add(port + " (" + name + ")");
            }
        });
        if (!taken.isEmpty()) {
            throw new IllegalStateException("Port(s) already in use: " + String.join(", ", taken)
                    + ". Is another stack running? Stop it with ./cms down, or free the port(s).");
        }
    }

    private void boot() {
        Ports ports = options.ports();
        String externalMongo = Env.get("CMS_MONGO_URI", "");
        requireFreePorts(ports, externalMongo.isEmpty());

        Path data = options.dataDir();
        postgres = options.ownStores() ? PostgresServer.own(data.resolve("postgres"), Net.freePort())
                : PostgresServer.startOrConnect(data.resolve("postgres"));
        for (String db : DATABASES) {
            postgres.ensureDatabase(db + dbSuffix);
        }

        if (externalMongo.isEmpty()) {
            startMongo();
        } else {
            mongoUri = externalMongo;
        }

        // Kafka (~3 s) and S3Mock (~4 s) alongside Keycloak's ~10 s
        List<CompletableFuture<Void>> alongside = List.of(CompletableFuture.runAsync(this::startKafka),
                CompletableFuture.runAsync(this::startS3));
        RuntimeException failed = null;
        try {
            startKeycloak();
        } catch (RuntimeException e) {
            failed = e;
        }
        // every one finishes starting before a failure is rethrown, so that close() stops it too (a server still
        // starting when close() ran was left running after a failed start)
        for (CompletableFuture<Void> start : alongside) {
            try {
                start.join();
            } catch (CompletionException wrapped) {
                RuntimeException e = wrapped.getCause() instanceof RuntimeException cause ? cause : wrapped;
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }

        Map<String, Map<String, String>> config = new LinkedHashMap<>();
        config.put("authors", merge(common(ports.authors()), datasource("authors"),
                Map.of("quarkus.rest-client.media.url", "http://localhost:" + ports.media())));
        config.put("articles", merge(common(ports.articles()), datasource("articles"),
                Map.of("quarkus.rest-client.authors.url", "http://localhost:" + ports.authors(),
                        "quarkus.rest-client.media.url", "http://localhost:" + ports.media())));
        config.put("curation", merge(common(ports.curation()),
                Map.of("quarkus.mongodb.connection-string", mongoUri, "quarkus.mongodb.database", "curation" + dbSuffix,
                        "quarkus.rest-client.articles.url", "http://localhost:" + ports.articles(),
                        "quarkus.rest-client.media.url", "http://localhost:" + ports.media())));
        // no outside systems locally: webhook receivers run on this machine (the SSRF guard is on in Kubernetes)
        config.put("webhooks", merge(common(ports.webhooks()), jdbcDatasource("webhooks"),
                Map.of("cms.webhooks.allow-private-targets", "true")));
        // originals and renditions in the stack's S3Mock, which the service gives its bucket at start; pictures imported
        // from a pasted address may come from this machine (the gateway's /samples/...; the SSRF guard is on in Kubernetes)
        config.put("media", merge(common(ports.media()), jdbcDatasource("media"), S3Server.quarkusConfig(s3Endpoint()),
                Map.of("cms.media.bucket", "cms-media", "cms.media.create-bucket", "true",
                        "cms.media.imports.allow-private-sources", "true")));
        config.put("gateway", merge(common(ports.gateway()),
                Map.of("cms.gateway.services.articles", "http://localhost:" + ports.articles(),
                        "cms.gateway.services.authors", "http://localhost:" + ports.authors(),
                        "cms.gateway.services.curation", "http://localhost:" + ports.curation(),
                        "cms.gateway.services.webhooks", "http://localhost:" + ports.webhooks(),
                        "cms.gateway.services.media", "http://localhost:" + ports.media(),
                        "cms.gateway.frontend.keycloak-url", keycloak.baseUrl(),
                        // no readers' site runs locally: feed and sitemap links point at the public API's article reads
                        "cms.public-api.site-url", "http://localhost:" + ports.gateway() + "/public/v1")));

        appConfig.putAll(config);
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        config.keySet().forEach(name -> ready.add(launch(name)));
        CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
    }

    // --- parts that the trust suite takes away and brings back ---

    /** Starts the MongoDB wire server (again): on the same port, with the same data when the stores are persistent or own. */
    public synchronized void startMongo() {
        if (mongo != null) {
            return;
        }
        Path data = options.dataDir();
        mongo = options.persistent() || options.ownStores()
                ? MongoServerRunner.persistent(data.resolve("mongo/curation.mv"), options.ports().mongo())
                : MongoServerRunner.inMemory(options.ports().mongo());
        started.add(mongo);
        mongoUri = mongo.connectionString();
    }

    public synchronized void stopMongo() {
        if (mongo != null) {
            started.remove(mongo);
            mongo.close();
            mongo = null;
        }
    }

    /** Starts the Kafka broker (again) on the same ports with the same log. */
    public void startKafka() {
        synchronized (kafkaLock) { // its own lock: it starts while Keycloak does
            if (kafka != null) {
                return;
            }
            kafka = KafkaServer.start(options.repoRoot(), options.ports().kafka(), options.ports().kafkaController(),
                    options.dataDir().resolve("kafka"), options.logDir().resolve("kafka.log"));
            synchronized (this) {
                started.add(kafka);
            }
        }
    }

    /** Stops the broker: the services keep working, their events wait in the outboxes. */
    public void stopKafka() {
        synchronized (kafkaLock) {
            if (kafka != null) {
                synchronized (this) {
                    started.remove(kafka);
                }
                kafka.close();
                kafka = null;
            }
        }
    }

    /** Starts S3Mock (again) on the same ports with the same buckets and objects. */
    public void startS3() {
        synchronized (s3Lock) { // its own lock: it starts while Keycloak does
            if (s3 != null) {
                return;
            }
            s3 = S3Server.start(options.ports().s3(), options.ports().s3Spare(), options.dataDir().resolve("s3"),
                    options.logDir().resolve("s3mock.log"));
            synchronized (this) {
                started.add(s3);
            }
        }
    }

    /** Stops S3Mock: uploads and rendition reads fail until {@link #startS3()}; nothing stored is lost. */
    public void stopS3() {
        synchronized (s3Lock) {
            if (s3 != null) {
                synchronized (this) {
                    started.remove(s3);
                }
                s3.close();
                s3 = null;
            }
        }
    }

    /** Starts Keycloak (again) on the same ports with the same database. */
    public synchronized void startKeycloak() {
        if (keycloak != null) {
            return;
        }
        Path realm = options.repoRoot().resolve("deploy/keycloak/cms-realm.json");
        if (options.sharedKeycloak() != null) {
            keycloak = KeycloakServer.attach(io.newsroom.cms.devstack.testing.SharedTestKeycloak.issuer(options.sharedKeycloak(), realm));
            return;
        }
        keycloak = KeycloakServer.start(realm, options.ports().keycloak(), options.ports().keycloakManagement(),
                options.dataDir().resolve("keycloak"), options.logDir().resolve("keycloak.log"));
        started.add(keycloak);
    }

    public synchronized void stopKeycloak() {
        if (keycloak != null) {
            started.remove(keycloak);
            keycloak.close();
            keycloak = null;
        }
    }

    /**
     * The name of a service's database on {@link #postgres()} ({@code articles}, {@code authors}, {@code webhooks} or
     * {@code media}, with this stack's suffix).
     */
    public String database(String service) {
        return service + dbSuffix;
    }

    /** {@code host:port} of the stack's Kafka broker, for clients' {@code bootstrap.servers}. */
    public String kafkaBootstrap() {
        return "127.0.0.1:" + options.ports().kafka();
    }

    /** The stack's S3 endpoint (S3Mock, path-style access, any credentials), e.g. {@code http://127.0.0.1:9390}. */
    public String s3Endpoint() {
        return S3Server.endpoint(options.ports().s3());
    }

    /** The PostgreSQL the services use; with {@link Options#ownStores()} it can be stopped and started. */
    public PostgresServer postgres() {
        return postgres;
    }

    /** kill -9 of one app: no shutdown, connections drop mid-request. {@link #restart} brings it back. */
    public void kill(String name) {
        ChildProcess app = apps.remove(name);
        if (app != null) {
            started.remove(app);
            app.kill();
        }
    }

    /**
     * Freezes one app (SIGSTOP): its port stays open and takes connections, nothing answers, as a hung process or a
     * long stop-the-world pause looks to its callers. {@link #thaw} lets it go on where it stopped.
     */
    public void freeze(String name) {
        signal(name, "STOP");
    }

    public void thaw(String name) {
        signal(name, "CONT");
    }

    private void signal(String name, String signal) {
        ChildProcess app = apps.get(name);
        if (app == null) {
            throw new IllegalStateException(name + " is not running");
        }
        try {
            int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(app.pid())).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill -" + signal + " " + name + " exited with " + exit);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts another replica of {@code service} (same database and configuration, its own port) and returns its name,
     * e.g. {@code articles-2}; {@link #stop}, {@link #kill} and {@link #restart} take that name.
     */
    public synchronized String startReplica(String service) {
        int n = 2;
        while (appConfig.containsKey(service + "-" + n)) {
            n++;
        }
        String name = service + "-" + n;
        Map<String, String> properties = new LinkedHashMap<>(appConfig.get(service));
        properties.put("quarkus.http.port", Integer.toString(Net.freePort()));
        appConfig.put(name, properties);
        launch(name).join();
        return name;
    }

    /** Starts the named apps together and waits until all are ready. */
    public void start(List<String> names) {
        CompletableFuture.allOf(names.stream().map(this::launch).toArray(CompletableFuture[]::new)).join();
    }

    /** The base URL of one app (a service, the gateway or a replica), e.g. {@code http://localhost:8081}. */
    public String url(String name) {
        return "http://localhost:" + appConfig.get(name).get("quarkus.http.port");
    }

    private CompletableFuture<Void> launch(String name) {
        Map<String, String> properties = appConfig.get(name);
        ChildProcess app = startApp(name, properties);
        apps.put(name, app);
        started.add(app);
        int port = Integer.parseInt(properties.get("quarkus.http.port"));
        return CompletableFuture.runAsync(() -> Net.await(name + " (log: " + app.log() + ")", Duration.ofSeconds(120),
                () -> Net.ok("http://127.0.0.1:" + port + "/q/health/ready"), app::alive)).thenRun(app::markReady);
    }

    /** Stops one app (to test an outage); {@link #restart} brings it back with the same configuration and data. */
    public void stop(String name) {
        ChildProcess app = apps.remove(name);
        if (app != null) {
            started.remove(app);
            app.close();
        }
    }

    public void restart(String name) {
        stop(name);
        launch(name).join();
    }

    private ChildProcess startApp(String name, Map<String, String> properties) {
        String app = name.replaceAll("-\\d+$", ""); // a replica runs its service's jar
        Path module = app.equals("gateway") ? Path.of("gateway") : Path.of("services", app);
        Path jar = options.repoRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing; build first (./mvnw package -DskipTests)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(Env.get("CMS_APP_JAVA_OPTS", LOCAL_JAVA_OPTS).trim().split("\\s+")));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        return ChildProcess.start(name, command, Map.of(), options.repoRoot(), options.logDir().resolve(name + ".log"));
    }

    /** What every app gets: its port, loopback only, and Keycloak; and Kafka. */
    private Map<String, String> common(int port) {
        return merge(web(port), Map.of("kafka.bootstrap.servers", "127.0.0.1:" + options.ports().kafka()));
    }

    /** {@link #common} without Kafka, for an app that uses none. */
    private Map<String, String> web(int port) {
        return Map.of("quarkus.http.port", Integer.toString(port),
                "quarkus.http.host", "127.0.0.1",
                "quarkus.oidc.auth-server-url", keycloak.issuer());
    }

    private Map<String, String> datasource(String db) {
        return postgres.datasource(db + dbSuffix);
    }

    /** {@link #datasource} for an app without the reactive client (it warned at every start of a key it does not know). */
    private Map<String, String> jdbcDatasource(String db) {
        return postgres.jdbcDatasource(db + dbSuffix);
    }

    @SafeVarargs
    private static Map<String, String> merge(Map<String, String>... maps) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (Map<String, String> map : maps) {
            merged.putAll(map);
        }
        return merged;
    }

    public String gatewayUrl() {
        return "http://localhost:" + options.ports().gateway();
    }

    public String issuer() {
        return keycloak.issuer();
    }

    public Map<String, ChildProcess> apps() {
        return apps;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    public KafkaServer kafka() {
        return kafka;
    }

    /** The running S3Mock, or null while it is stopped. */
    public S3Server s3() {
        return s3;
    }

    /**
     * Stops the apps all at once (each takes a second or more to shut down: one after the other they held each suite's
     * end up about 20 s), then what they use, the last started first.
     */
    @Override
    public void close() {
        List<Thread> stopping = new ArrayList<>();
        for (ChildProcess app : apps.values()) {
            started.remove(app);
            Thread thread = new Thread(() -> stopQuietly(app), "stop-" + app.name());
            thread.start();
            stopping.add(thread);
        }
        apps.clear();
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            stopQuietly(started.get(i));
        }
        started.clear();
        if (postgres != null) {
            if (!options.persistent()) {
                for (String db : DATABASES) {
                    postgres.dropDatabase(db + dbSuffix);
                }
            }
            postgres.close();
        }
    }

    private static void stopQuietly(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception e) {
            LOG.warning("Stopping " + part + " failed: " + e.getMessage());
        }
    }
}
