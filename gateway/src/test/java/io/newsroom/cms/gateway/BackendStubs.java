package io.newsroom.cms.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The gateway's backends (articles, authors, curation) as one WireMock server: each module test stubs the answers it
 * needs ({@code /articles/...}, {@code /authors/...}, {@code /lists/...}). Inject it with {@link Backends}.
 */
public class BackendStubs implements QuarkusTestResourceLifecycleManager {
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Backends {
    }

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        // the services do not compress (gzip would also rewrite the ETags WireMock sends)
        server = new WireMockServer(wireMockConfig().dynamicPort().gzipDisabled(true));
        server.start();
        String url = "http://localhost:" + server.port();
        return Map.of("cms.gateway.services.articles", url, "cms.gateway.services.authors", url,
                "cms.gateway.services.curation", url, "cms.gateway.services.webhooks", url, "cms.gateway.services.media", url);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(Backends.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
