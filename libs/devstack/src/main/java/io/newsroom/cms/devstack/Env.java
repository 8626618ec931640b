package io.newsroom.cms.devstack;

import java.nio.file.Path;

/** Settings from system properties (tests) or environment variables (./cms), with local defaults. */
public final class Env {
    private Env() {
    }

    public static String get(String envName, String fallback) {
        String property = System.getProperty(envName.toLowerCase().replace('_', '.'));
        if (property != null && !property.isBlank()) {
            return property;
        }
        String value = System.getenv(envName);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Where built Keycloak copies and realm snapshots are cached between runs (outside the checkout). */
    public static Path cacheDir() {
        return Path.of(get("CMS_CACHE_DIR", Path.of(System.getProperty("user.home"), ".cache", "newsroom-cms").toString()));
    }

    /** The checkout's root folder. */
    public static Path repoRoot() {
        return Path.of(get("CMS_REPO_ROOT", ".")).toAbsolutePath().normalize();
    }
}
