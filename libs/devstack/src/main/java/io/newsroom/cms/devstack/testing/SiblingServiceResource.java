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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Another CMS service, for real, as a packaged app (its module is built earlier in the reactor): e.g. the articles
 * tests check bylines against the real authors service. It shares the test Keycloak and gets its own throw-away
 * database. Init args: {@code service} (e.g. {@code authors}), {@code database} (optional), {@code urlProperty}
 * (the REST client URL key to point at it).
 */
public class SiblingServiceResource implements QuarkusTestResourceLifecycleManager {
    private String service;
    private String database;
    private String urlProperty;
    private ChildProcess process;
    private PostgresServer postgres;

    @Override
    public void init(Map<String, String> args) {
        service = args.get("service");
        database = args.get("database");
        urlProperty = args.get("urlProperty");
    }

    @Override
    public Map<String, String> start() {
        Path jar = Env.repoRoot().resolve("services").resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the " + service + " module first (./mvnw install)");
        }
        int port = Net.freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.oidc.auth-server-url=" + KeycloakResource.issuer()));
        if (database != null) {
            postgres = PostgresServer.startOrConnect(null);
            database = database + "_test_" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
            postgres.ensureDatabase(database);
            command.add("-Dquarkus.datasource.jdbc.url=" + postgres.jdbcUrl(database));
            command.add("-Dquarkus.datasource.username=" + postgres.user());
            command.add("-Dquarkus.datasource.password=" + postgres.password());
        }
        command.add("-jar");
        command.add(jar.toString());
        Path log = Path.of("target", service + "-sibling.log").toAbsolutePath();
        process = ChildProcess.start(service, command, Map.of(), Env.repoRoot(), log);
        Net.await(service + " (log: " + log + ")", Duration.ofSeconds(90),
                () -> Net.ok("http://127.0.0.1:" + port + "/q/health/ready"), process::alive);
        return Map.of(urlProperty, "http://localhost:" + port, "cms.test.sibling." + service + ".url", "http://localhost:" + port);
    }

    @Override
    public void stop() {
        if (process != null) {
            process.close();
        }
        if (postgres != null && database != null) {
            postgres.dropDatabase(database);
            postgres.close();
        }
    }
}
