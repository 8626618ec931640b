package io.newsroom.cms.devstack.testing;

import io.newsroom.cms.devstack.ChildProcess;
import io.newsroom.cms.devstack.Env;
import io.newsroom.cms.devstack.Net;
import io.newsroom.cms.devstack.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Other CMS services, for real, as packaged apps (their modules are built earlier in the reactor): e.g. the articles
 * tests check bylines against the real authors service. They share the test Keycloak, each gets a throw-away
 * database, and they are wired to each other as in production (articles → authors).
 *
 * <p>Init arg {@code services}: comma-separated, in start order (e.g. {@code authors,articles}). The test app gets
 * {@code quarkus.rest-client.<service>.url} and {@code cms.test.sibling.<service>.url} for each.
 *
 * <p>{@link #pause} and {@link #resume} make a sibling stop answering for a while (an outage test) without a second
 * test profile: a profile restarts the app under test and every test resource, about a minute on 2 cores.
 */
public class SiblingServiceResource implements QuarkusTestResourceLifecycleManager {
    private static final Map<String, String> DATABASES = Map.of("authors", "authors", "articles", "articles", "webhooks", "webhooks");
    private static final Map<String, ChildProcess> RUNNING = new ConcurrentHashMap<>();

    private final List<String> services = new ArrayList<>();
    private final List<ChildProcess> processes = new ArrayList<>();
    private final List<String> databases = new ArrayList<>();
    private PostgresServer postgres;

    @Override
    public void init(Map<String, String> args) {
        for (String service : args.getOrDefault("services", "").split(",")) {
            if (!service.isBlank()) {
                services.add(service.trim());
            }
        }
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> urls = new HashMap<>();
        for (String service : services) {
            String url = startOne(service, urls);
            urls.put("quarkus.rest-client." + service + ".url", url);
            urls.put("cms.test.sibling." + service + ".url", url);
        }
        return urls;
    }

    private String startOne(String service, Map<String, String> wiring) {
        Path jar = Env.repoRoot().resolve("services").resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the " + service + " module first (./mvnw install)");
        }
        int port = Net.freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.oidc.auth-server-url=" + KeycloakResource.issuer()));
        String kafka = KafkaResource.bootstrapIfRunning();
        if (kafka != null) {
            // the test module has a broker (KafkaResource starts first): the siblings' events go to it, as in production
            command.add("-Dkafka.bootstrap.servers=" + kafka);
        } else {
            // a sibling answers requests; its events would go nowhere (or to a local stack's broker on 9092)
            command.addAll(List.of("-Dcms.articles.events.enabled=false", "-Dcms.authors.events.enabled=false",
                    "-Dcms.media.events.enabled=false",
                    "-Dkafka.bootstrap.servers=127.0.0.1:1"));
        }
        wiring.forEach((key, value) -> {
            if (key.startsWith("quarkus.rest-client.")) {
                command.add("-D" + key + "=" + value);
            }
        });
        String db = DATABASES.get(service);
        if (db != null) {
            if (postgres == null) {
                postgres = PostgresServer.startOrConnect(null);
            }
            String database = db + "_test_" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
            postgres.ensureDatabase(database);
            databases.add(database);
            postgres.datasource(database).forEach((key, value) -> command.add("-D" + key + "=" + value));
        }
        command.add("-jar");
        command.add(jar.toString());
        Path log = Path.of("target", service + "-sibling.log").toAbsolutePath();
        ChildProcess process = ChildProcess.start(service, command, Map.of(), Env.repoRoot(), log);
        processes.add(process);
        RUNNING.put(service, process);
        Net.await(service + " (log: " + log + ")", Duration.ofSeconds(90),
                () -> Net.ok("http://127.0.0.1:" + port + "/q/health/ready"), process::alive);
        return "http://localhost:" + port;
    }

    /**
     * Freezes a running sibling (SIGSTOP): it keeps its port, so connections are accepted and then nothing answers, the
     * hardest kind of outage for a caller (only its timeout ends the wait). {@link #resume} lets it go on.
     */
    public static void pause(String service) {
        signal(service, "STOP");
    }

    public static void resume(String service) {
        signal(service, "CONT");
    }

    private static void signal(String service, String signal) {
        ChildProcess process = RUNNING.get(service);
        if (process == null || !process.alive()) {
            throw new IllegalStateException(service + " is not running as a sibling of this test module");
        }
        try {
            int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " exited with " + exit);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        processes.forEach(process -> RUNNING.values().remove(process));
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
        if (postgres != null) {
            databases.forEach(postgres::dropDatabase);
            postgres.close();
        }
    }
}
