package io.newsroom.cms.gateway.rest;

import io.newsroom.cms.common.http.HttpGuard;
import io.newsroom.cms.common.http.SurrogateKeys;
import io.newsroom.cms.gateway.domain.CachedAnswer;
import io.newsroom.cms.gateway.domain.ServedAnswer;
import io.newsroom.cms.gateway.service.PublicReads;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.regex.Pattern;

/**
 * The public article page ({@code GET /public/v1/articles/{slug}}, the public API's busiest read) served from the
 * router rather than through the REST layer: the same answer, made by the same {@link PublicReads} and sent as
 * {@link PublicReplies} makes it, without the REST layer's per-request work (parameter validation, a response object
 * to build and convert). Two routes:
 * <ul>
 * <li>{@link #serveCached}, first of all routes: a plain read ({@link HttpGuard#passesAsItIs}: no query, no
 * credentials, no {@code Origin}, no body) of a page with a fresh cached answer, nearly every read while the content
 * events flow, is sent at once, before Quarkus' CORS, authentication and authorization filters and the REST layer's
 * route naming for the metrics (none of which would change or refuse it). Profiled over 10,000 cached articles, those
 * filters and the router's walk to this route took about 12 % of the event loop's time.</li>
 * <li>{@link #serve}, after the HTTP guard and CORS: every other read of the page. One the endpoint refuses (a bad slug), and
 * HEAD, go on to {@link PublicApiResource#article}, which answers them (a 400 problem, ...) and documents the route in
 * the OpenAPI document.</li>
 * </ul>
 * Measured with reads spread over 10,000 cached articles (bench/run): moving the page out of the REST layer took it from
 * 55.3 to 64.1 % of nginx serving the same files.
 */
@ApplicationScoped
public class ArticlePageRoute {
    /** A Vert.x path parameter, so the metrics name the route {@code /public/v1/articles/{slug}}, not each slug. */
    private static final String PREFIX = "/public/v1/articles/";
    static final String PATH = PREFIX + ":slug";
    /** The same route as the metrics name it, for the route without a path ({@link #serveCached}). */
    private static final String TEMPLATE = PREFIX + "{slug}";
    /** Before every filter Quarkus installs (CORS is the first, at -300). */
    static final int FIRST = -1000;
    private static final Pattern SLUG = Pattern.compile(PublicReplies.SLUG);

    @Inject
    PublicReads reads;

    @Inject
    PublicReplies replies;

    void register(@Observes Router router) {
        // no path on this route: matching one decodes it first, and a malformed escape ("/public/v1/articles/%") would
        // then be the router's own bare 400 before the HTTP guard could answer it as a problem
        router.route().order(FIRST).handler(this::serveCached);
        // after the HTTP guard and CORS, before the REST endpoints (Quarkus REST answers every /public path itself)
        router.get(PATH).order(5).handler(this::serve);
    }

    void serveCached(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String uri = request.uri();
        // passesAsItIs: the URI is a plain path (no query, no escapes), so the slug is what follows the prefix as it is;
        // no slug check: only answers to valid slugs are ever cached, and anything else goes on
        CachedAnswer fresh = request.method() == HttpMethod.GET && uri.startsWith(PREFIX) && uri.indexOf('/', PREFIX.length()) < 0
                && HttpGuard.passesAsItIs(request) ? reads.freshArticle(uri.substring(PREFIX.length())) : null;
        if (fresh == null) {
            ctx.next();
            return;
        }
        MetricsPaths.name(TEMPLATE);
        sendCached(fresh, request.getHeader(HttpHeaders.IF_NONE_MATCH), ctx);
    }

    /** A fresh cached answer, sent as it is (or a 304 for a current {@code If-None-Match}). */
    private void sendCached(CachedAnswer fresh, String ifNoneMatch, RoutingContext ctx) {
        replies.of(new ServedAnswer(fresh, false, 0), ifNoneMatch, SurrogateKeys.ARTICLES).send(ctx.response());
    }

    void serve(RoutingContext ctx) {
        String slug = ctx.pathParam("slug");
        if (slug == null || !SLUG.matcher(slug).matches()) {
            ctx.next();
            return;
        }
        String ifNoneMatch = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
        CachedAnswer fresh = reads.freshArticle(slug);
        if (fresh != null) {
            sendCached(fresh, ifNoneMatch, ctx);
            return;
        }
        PublicReply.sendWhenMade(reads.article(slug).map(served -> replies.of(served, ifNoneMatch, SurrogateKeys.ARTICLES))
                .onFailure().recoverWithItem(replies::problem), ctx);
    }
}
