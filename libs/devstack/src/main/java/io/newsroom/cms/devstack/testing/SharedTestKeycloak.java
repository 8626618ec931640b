package io.newsroom.cms.devstack.testing;

import io.newsroom.cms.devstack.KeycloakServer;
import io.newsroom.cms.devstack.Net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One Keycloak for the {@code @QuarkusTest}s of every module in a {@code ./cms test} run, which sets
 * {@code CMS_TEST_KEYCLOAK_SHARED_DIR} and stops it at the end (pid file in that folder). Booting a Keycloak per module
 * cost about 25 s of CPU each on 2 busy cores. The first module to need it starts it; the others find it running
 * (its issuer in the folder, a lock file against two starting at once). The e2e suite's stack uses it too; the trust
 * suite runs its own, which it stops and starts.
 */
public final class SharedTestKeycloak {
    private SharedTestKeycloak() {
    }

    /** The shared Keycloak's issuer, started first if it does not run yet. */
    public static String issuer(Path dir, Path realmFile) {
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                Path issuerFile = dir.resolve("issuer");
                if (Files.exists(issuerFile)) {
                    String issuer = Files.readString(issuerFile).trim();
                    if (Net.ok(issuer + "/.well-known/openid-configuration")) {
                        return issuer;
                    }
                }
                // not shut down with this JVM: the next module uses it, ./cms test stops it
                KeycloakServer server = KeycloakServer.start(realmFile, Net.freePort(), Net.freePort(), dir.resolve("data"),
                        dir.resolve("keycloak.log"));
                Files.writeString(dir.resolve("pid"), Long.toString(server.process().pid()));
                Files.writeString(issuerFile, server.issuer());
                return server.issuer();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
