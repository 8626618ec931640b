package io.newsroom.cms.devstack.testing;

import io.newsroom.cms.devstack.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh database on the real PostgreSQL (the machine's, or an embedded one) for one test run, dropped afterwards:
 * tests never touch the local stack's data and a second run starts clean. Init arg {@code database}: the service's
 * database name, used as prefix.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {
    private static PostgresServer server;
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", "cms") + "_test_" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    }

    @Override
    public Map<String, String> start() {
        PostgresServer pg = server();
        pg.ensureDatabase(database);
        return pg.datasource(database);
    }

    private static synchronized PostgresServer server() {
        if (server == null) {
            server = PostgresServer.startOrConnect(null);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-test-postgres"));
        }
        return server;
    }

    @Override
    public void stop() {
        server().dropDatabase(database);
    }
}
