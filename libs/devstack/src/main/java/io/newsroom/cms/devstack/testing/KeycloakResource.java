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
 * alone), or the one at {@code CMS_TEST_KEYCLOAK_URL} when set, or the one every module of a {@code ./cms test} run
 * shares ({@link SharedTestKeycloak}). Sets {@code quarkus.oidc.auth-server-url}.
 * <p>
 * "One per test JVM" holds across test profiles too: Quarkus loads this class again for every profile, so the issuer
 * is kept in a system property (one per JVM), not in a static field (one per class loader), and a profile change
 * does not start a second Keycloak.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {
    private static final String ISSUER_PROPERTY = "io.newsroom.cms.devstack.test-keycloak-issuer";

    @Override
    public synchronized Map<String, String> start() {
        return Map.of("quarkus.oidc.auth-server-url", issuer());
    }

    /** The realm issuer URL, starting Keycloak on first use. */
    public static String issuer() {
        // A string literal is interned JVM-wide: one lock for every class loader's copy of this class.
        synchronized (ISSUER_PROPERTY) {
            String issuer = System.getProperty(ISSUER_PROPERTY);
            if (issuer == null) {
                String external = Env.get("CMS_TEST_KEYCLOAK_URL", "");
                issuer = external.isEmpty() ? startOwn() : external.replaceAll("/$", "") + "/realms/" + KeycloakServer.REALM;
                System.setProperty(ISSUER_PROPERTY, issuer);
            }
            return issuer;
        }
    }

    private static String startOwn() {
        String shared = Env.get("CMS_TEST_KEYCLOAK_SHARED_DIR", "");
        if (!shared.isEmpty()) {
            return SharedTestKeycloak.issuer(Path.of(shared), realmFile());
        }
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
