package io.newsroom.cms.common.http;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSourceProvider;

import java.util.List;

/**
 * Hands the URL check from Quarkus to {@link HttpGuard}. Quarkus checks every request target with
 * {@code java.net.URI} before routing and answers a failure with an empty 400 that no handler can replace; its only
 * switch is the system property {@code vertx.disableURIValidation}, read once when its HTTP layer loads. HttpGuard
 * runs the same {@code java.net.URI} check first thing on the router, so nothing downstream sees a URL that Quarkus
 * would have refused, and the client gets a problem+json 400 instead of an empty one.
 *
 * <p>Set here, from a config source provider, because Quarkus loads these before its HTTP layer in every launch
 * (packaged jar, tests, dev mode), so no deployment can forget a JVM flag. It provides no configuration.
 */
public final class StrictUriValidation implements ConfigSourceProvider {
    public static final String PROPERTY = "vertx.disableURIValidation";

    static {
        System.setProperty(PROPERTY, "true");
    }

    @Override
    public Iterable<ConfigSource> getConfigSources(ClassLoader forClassLoader) {
        return List.of();
    }
}
