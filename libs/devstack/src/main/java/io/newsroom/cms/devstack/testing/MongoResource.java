package io.newsroom.cms.devstack.testing;

import io.newsroom.cms.devstack.Env;
import io.newsroom.cms.devstack.MongoServerRunner;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * MongoDB for tests: the wire-protocol server in memory, or a real MongoDB when {@code CMS_TEST_MONGO_URI} is set
 * (then a throw-away database name keeps runs apart).
 */
public class MongoResource implements QuarkusTestResourceLifecycleManager {
    private MongoServerRunner server;

    @Override
    public Map<String, String> start() {
        String external = Env.get("CMS_TEST_MONGO_URI", "");
        String database = "curation_test_" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
        if (!external.isEmpty()) {
            return Map.of("quarkus.mongodb.connection-string", external, "quarkus.mongodb.database", database);
        }
        server = MongoServerRunner.inMemory();
        return Map.of("quarkus.mongodb.connection-string", server.connectionString(), "quarkus.mongodb.database", database);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
