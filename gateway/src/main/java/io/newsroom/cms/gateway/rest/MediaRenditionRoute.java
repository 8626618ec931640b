package io.newsroom.cms.gateway.rest;

import io.newsroom.cms.gateway.service.PublicRenditions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.regex.Pattern;

/**
 * Picture renditions for readers: {@code GET /public/v1/media/{content-hash}/{rendition}}, e.g.
 * {@code /public/v1/media/3f0c…/16x9-640-50-30.webp}, the URLs the media service puts in {@code srcset}. Served from
 * the router like the article page: a rendition is bytes to pass on, with nothing for the REST layer to do. HEAD and
 * addresses this route refuses go on to {@link PublicApiResource#rendition}, which answers them the same way.
 */
@ApplicationScoped
public class MediaRenditionRoute {
    static final String PATH = "/public/v1/media/:hash/:name";
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9x.-]{1,40}");

    @Inject
    PublicRenditions renditions;

    @Inject
    PublicReplies replies;

    void register(@Observes Router router) {
        router.get(PATH).order(5).handler(this::serve);
    }

    void serve(RoutingContext ctx) {
        String hash = ctx.pathParam("hash");
        String name = ctx.pathParam("name");
        if (hash == null || name == null || !HASH.matcher(hash).matches() || !NAME.matcher(name).matches()) {
            ctx.next(); // PublicApiResource#rendition refuses it (a 400 problem) and documents the route
            return;
        }
        String ifNoneMatch = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
        PublicReply.sendWhenMade(renditions.get(hash, name).map(picture -> replies.picture(picture, ifNoneMatch))
                .onFailure().recoverWithItem(replies::problem), ctx);
    }
}
