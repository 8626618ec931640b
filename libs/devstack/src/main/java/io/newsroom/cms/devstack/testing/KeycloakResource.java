package io.newsroom.cms.devstack.testing;

import io.newsroom.cms.devstack.Env;
import io.newsroom.cms.devstack.KeycloakServer;
import io.newsroom.cms.devstack.Net;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real Keycloak for {@code @QuarkusTest}s: one per test JVM on free ports (so a running ./cms up stack is left
 * alone), or the one at {@code CMS_TEST_KEYCLOAK_URL} when set. Sets {@code quarkus.oidc.auth-server-url}.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {
    private static String issuer;

    @Override
    public synchronized Map<String, String> start() {
        return Map.of("quarkus.oidc.auth-server-url", issuer());
    }

    /** The realm issuer URL, starting Keycloak on first use. */
    public static synchronized String issuer() {
        if (issuer == null) {
            String external = Env.get("CMS_TEST_KEYCLOAK_URL", "");
            if (!external.isEmpty()) {
                issuer = external.replaceAll("/$", "") + "/realms/" + KeycloakServer.REALM;
            } else {
                issuer = startOwn();
            }
        }
        return issuer;
    }

    private static String startOwn() {
        try {
            Path dir = Files.createTempDirectory("cms-test-keycloak-");
            KeycloakServer server = KeycloakServer.start(realmFile(), Net.freePort(), Net.freePort(), dir.resolve("data"),
                    dir.resolve("keycloak.log"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                try {
                    io.newsroom.cms.devstack.KeycloakServer.deleteTree(dir);
                } catch (IOException ignored) {
                    // temp folder: the OS cleans it eventually
                }
            }, "stop-test-keycloak"));
            return server.issuer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path realmFile() {
        String configured = Env.get("CMS_REALM_FILE", "");
        return configured.isEmpty() ? Env.repoRoot().resolve("deploy/keycloak/cms-realm.json") : Path.of(configured);
    }

    @Override
    public void stop() {
        // Shared by every Quarkus start in this JVM; stopped by the shutdown hook.
    }
}
