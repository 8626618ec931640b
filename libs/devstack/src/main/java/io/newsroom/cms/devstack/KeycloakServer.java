package io.newsroom.cms.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A real Keycloak from the Maven Central distribution. It is unpacked and {@code kc.sh build}-ed once into the
 * cache folder, the realm is imported once into an H2 snapshot, and every start copies that snapshot (when the
 * data folder is empty) and starts optimized with a small heap: ready in ~10 s instead of ~40 s.
 */
public final class KeycloakServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(KeycloakServer.class.getName());
    public static final String VERSION = Env.get("CMS_KEYCLOAK_VERSION", "26.7.3");
    public static final String REALM = "cms";
    private static final String DB_FILE = "keycloakdb.mv.db";

    private final ChildProcess process;
    private final int httpPort;

    private KeycloakServer(ChildProcess process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
    }

    /** Starts Keycloak on the given ports with its H2 database in {@code dataDir} (seeded from the realm snapshot). */
    public static KeycloakServer start(Path realmFile, int httpPort, int managementPort, Path dataDir, Path log) {
        Path home = ensureBuilt();
        Path snapshot = ensureRealmSnapshot(home, realmFile);
        try {
            Files.createDirectories(dataDir);
            // The realm file is all a local Keycloak holds (demo users, clients): when it changed since this database
            // was seeded, start from the new realm instead of lacking its new clients or roles (sessions end).
            Path seededFrom = dataDir.resolve("realm.sha256");
            String realm = sha256(realmFile);
            boolean stale = Files.exists(dataDir.resolve(DB_FILE))
                    && !(Files.exists(seededFrom) && Files.readString(seededFrom).equals(realm));
            if (stale) {
                LOG.info("The realm file changed since Keycloak's local database was made: replacing it with the new realm");
                Files.delete(dataDir.resolve(DB_FILE));
            }
            if (!Files.exists(dataDir.resolve(DB_FILE))) {
                Files.copy(snapshot.resolve(DB_FILE), dataDir.resolve(DB_FILE));
                Files.writeString(seededFrom, realm);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = List.of("bash", home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--cache=local", "--http-enabled=true", "--hostname=http://localhost:" + httpPort,
                "--http-host=127.0.0.1", "--http-port=" + httpPort, "--http-management-port=" + managementPort,
                "--db-url=" + dbUrl(dataDir),
                // Since Keycloak 25 brute-force protection refuses a login while another one of the same user is in
                // progress ("Invalid user credentials"): the tests of two modules logging in bob at the same moment
                // on the shared test Keycloak failed that way in CI. Failed logins still count and lock out.
                "--spi-brute-force-protector--default-brute-force-detector--allow-concurrent-requests=true");
        ChildProcess process = ChildProcess.start("keycloak", command, env(), home, log);
        KeycloakServer server = new KeycloakServer(process, httpPort);
        try {
            Net.await("Keycloak (log: " + log + ")", Duration.ofSeconds(180),
                    () -> Net.ok("http://127.0.0.1:" + managementPort + "/health/ready")
                            && Net.ok(server.issuer() + "/.well-known/openid-configuration"),
                    process::alive);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        process.markReady();
        LOG.info(String.format("Keycloak ready at %s after %.1f s", server.baseUrl(), process.secondsSinceStart()));
        return server;
    }

    /**
     * A Keycloak that runs already and is not this one's to stop (the shared one of a {@code ./cms test} run): its
     * issuer, e.g. {@code http://localhost:41234/realms/cms}; {@link #close} leaves it running.
     */
    public static KeycloakServer attach(String issuer) {
        return new KeycloakServer(null, java.net.URI.create(issuer).getPort());
    }

    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    /** The process, or null for one {@link #attach}ed to. */
    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }

    private static String dbUrl(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("keycloakdb") + ";NON_KEYWORDS=VALUE";
    }

    private static Map<String, String> env() {
        return Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                // Local-development defaults only: the admin console of a Keycloak bound to 127.0.0.1.
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin",
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx256m",
                // Serial GC and C1 only: Keycloak shares 2 cores with everything else and serves few requests here.
                "JAVA_OPTS_APPEND", "-XX:-UseG1GC -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k");
    }

    /** Unpacks and builds the distribution once per version into the cache folder. */
    static Path ensureBuilt() {
        Path home = Env.cacheDir().resolve("keycloak-" + VERSION);
        if (Files.exists(home.resolve(".cms-built"))) {
            return home;
        }
        return underLock(() -> {
            if (Files.exists(home.resolve(".cms-built"))) {
                return home;
            }
            Path dist = distribution();
            Path work = Files.createTempDirectory(Env.cacheDir(), "keycloak-build-");
            LOG.info("Unpacking and building Keycloak " + VERSION + " once into " + home + " (about a minute)");
            run(List.of("tar", "xzf", dist.toString(), "-C", work.toString(), "--strip-components=1"), work, "unpack");
            run(List.of("bash", work.resolve("bin/kc.sh").toString(), "build", "--db=dev-file", "--health-enabled=true"),
                    work, "kc.sh build");
            Files.writeString(work.resolve(".cms-built"), VERSION);
            deleteTree(home);
            Files.move(work, home, StandardCopyOption.ATOMIC_MOVE);
            return home;
        });
    }

    /** Imports the realm once into an empty H2 database and keeps it, keyed by the realm file's content. */
    static Path ensureRealmSnapshot(Path home, Path realmFile) {
        Path snapshot = Env.cacheDir().resolve("keycloak-" + VERSION + "-realm-" + sha256(realmFile).substring(0, 16));
        if (Files.exists(snapshot.resolve(DB_FILE))) {
            return snapshot;
        }
        return underLock(() -> {
            if (Files.exists(snapshot.resolve(DB_FILE))) {
                return snapshot;
            }
            Path work = Files.createTempDirectory(Env.cacheDir(), "keycloak-realm-");
            LOG.info("Importing realm " + realmFile + " into a Keycloak snapshot (once per realm version)");
            run(List.of("bash", home.resolve("bin/kc.sh").toString(), "import", "--optimized", "--file",
                    realmFile.toAbsolutePath().toString(), "--db-url=" + dbUrl(work)), home, "realm import");
            deleteTree(snapshot);
            Files.move(work, snapshot, StandardCopyOption.ATOMIC_MOVE);
            return snapshot;
        });
    }

    private static Path distribution() {
        String configured = Env.get("CMS_KEYCLOAK_DIST", "");
        Path dist = configured.isEmpty()
                ? Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "keycloak", "keycloak-quarkus-dist",
                VERSION, "keycloak-quarkus-dist-" + VERSION + ".tar.gz")
                : Path.of(configured);
        if (!Files.exists(dist)) {
            throw new IllegalStateException("Keycloak distribution not found at " + dist
                    + "; run ./mvnw -pl libs/devstack generate-resources (it downloads it from Maven Central)");
        }
        return dist;
    }

    private static void run(List<String> command, Path dir, String what) throws IOException, InterruptedException {
        Path log = Files.createTempFile(Env.cacheDir(), "keycloak-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env());
        Process p = builder.start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("Keycloak " + what + " failed; see " + log);
        }
        Files.deleteIfExists(log);
    }

    interface Step<T> {
        T run() throws IOException, InterruptedException;
    }

    /** Serialises cache preparation between JVMs (tests of several modules, ./cms up). */
    private static <T> T underLock(Step<T> step) {
        try {
            Files.createDirectories(Env.cacheDir());
            try (FileChannel channel = FileChannel.open(Env.cacheDir().resolve("keycloak.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                return step.run();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
