package io.newsroom.cms.gateway.rest;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * SPA routing for the editor app: a browser asking for a page that is not a file (e.g. {@code /articles/42} after a
 * reload) gets the app's {@code index.html}; the app's router takes it from there. APIs keep their 404 problems, and a
 * preview link's page ({@code /preview/...}, {@link PreviewPageResource}) is the gateway's own, never the app.
 */
@ApplicationScoped
public class SpaRoutes {
    void register(@Observes Router router) {
        // Early: Quarkus REST answers every unknown path itself (a 404 problem), so this must run first.
        router.route().order(1).handler(ctx -> {
            String path = ctx.normalizedPath();
            String accept = ctx.request().getHeader("Accept");
            boolean page = ctx.request().method() == HttpMethod.GET && accept != null && accept.contains("text/html")
                    && !path.startsWith("/api/") && !path.startsWith("/public/") && !path.startsWith("/q/") && !path.equals("/api")
                    && !path.startsWith("/preview/")
                    && !path.substring(path.lastIndexOf('/') + 1).contains(".");
            if (page && !path.equals("/")) {
                MetricsPaths.name("/{page}");
                ctx.reroute("/");
            } else {
                ctx.next();
            }
        });
    }
}
