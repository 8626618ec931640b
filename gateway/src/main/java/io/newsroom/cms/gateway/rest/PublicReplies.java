package io.newsroom.cms.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.cms.common.http.SurrogateKeys;
import io.newsroom.cms.common.problem.Problem;
import io.newsroom.cms.common.problem.ProblemType;
import io.newsroom.cms.gateway.config.PublicApiConfig;
import io.newsroom.cms.gateway.domain.BackendException;
import io.newsroom.cms.gateway.domain.CachedAnswer;
import io.newsroom.cms.gateway.domain.Picture;
import io.newsroom.cms.gateway.domain.ServedAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a public answer goes out, for every public endpoint: the validators and caching headers ({@code ETag},
 * {@code Cache-Control}, {@code Surrogate-Key}/{@code Cache-Tag}), 304 for a current {@code If-None-Match}, {@code Age}
 * and {@code Warning: 110} for the last good answer served while a service is down, and problem+json for failures.
 */
@ApplicationScoped
public class PublicReplies {
    /** A slug as the public API takes it (anything else is a 400 problem). */
    public static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";
    private static final String WARNING = "110 - \"Response is stale\"";

    private final String cacheControl;
    private final ObjectMapper json;

    @Inject
    public PublicReplies(PublicApiConfig config, ObjectMapper json) {
        this.json = json;
        long shared = config.sharedMaxAge().toSeconds();
        cacheControl = "public, max-age=" + config.maxAge().toSeconds() + (shared > 0 ? ", s-maxage=" + shared : "")
                + ", stale-while-revalidate=" + config.staleWhileRevalidate().toSeconds();
    }

    /** {@code Cache-Control} of every public answer (from {@code cms.public-api.max-age}, {@code shared-max-age}, ...). */
    public String cacheControl() {
        return cacheControl;
    }

    /**
     * The answer with its validators and caching headers. {@code routeKeys}: the surrogate keys of the route, sent when
     * the answer names none of its own (an article's page names the article and its authors).
     */
    public PublicReply of(ServedAnswer served, String ifNoneMatch, String routeKeys) {
        CachedAnswer answer = served.answer();
        String keys = answer.surrogateKeys() != null ? answer.surrogateKeys() : routeKeys;
        List<String> headers = new ArrayList<>(14);
        headers.addAll(List.of("Cache-Control", cacheControl, "Surrogate-Key", keys, "Cache-Tag", SurrogateKeys.asCacheTag(keys)));
        if (answer.status() == 301) {
            headers.addAll(List.of("Location", answer.location()));
            return new PublicReply(301, headers, new byte[0]);
        }
        if (answer.etag() != null) {
            headers.addAll(List.of("ETag", answer.etag()));
        }
        if (served.stale()) {
            headers.addAll(List.of("Age", Long.toString(served.ageSeconds())));
        }
        if (served.stale() || answer.degraded()) {
            headers.addAll(List.of("Warning", WARNING));
        }
        if (matches(ifNoneMatch, answer.etag())) {
            return new PublicReply(304, headers, new byte[0]);
        }
        headers.addAll(List.of("Content-Type", answer.contentType()));
        return new PublicReply(answer.status(), headers, answer.body());
    }

    /**
     * A picture rendition: its URL names what made its bytes, so readers and CDNs keep it for a year without asking
     * again ({@code immutable}); a revalidation with its ETag is a 304.
     */
    public PublicReply picture(Picture picture, String ifNoneMatch) {
        List<String> headers = new ArrayList<>(List.of("Cache-Control", "public, max-age=31536000, immutable",
                "X-Content-Type-Options", "nosniff"));
        if (picture.etag() != null) {
            headers.addAll(List.of("ETag", picture.etag()));
        }
        if (matches(ifNoneMatch, picture.etag())) {
            return new PublicReply(304, headers, new byte[0]);
        }
        headers.addAll(List.of("Content-Type", picture.contentType()));
        return new PublicReply(200, headers, picture.bytes());
    }

    /** A failure as a problem: the service's 404/400 as such, anything else 503 with Retry-After. */
    public PublicReply problem(Throwable failure) {
        int status = failure instanceof BackendException b ? b.status() : 503;
        ProblemType type = status == 404 ? ProblemType.NOT_FOUND : status == 400 ? ProblemType.BAD_REQUEST : ProblemType.SERVICE_UNAVAILABLE;
        String detail = failure instanceof BackendException ? failure.getMessage() : "Content is temporarily unavailable";
        List<String> headers = new ArrayList<>(List.of("Content-Type", Problem.MEDIA_TYPE));
        if (type == ProblemType.SERVICE_UNAVAILABLE) {
            detail = "Content is temporarily unavailable; try again shortly";
            headers.addAll(List.of("Retry-After", "5"));
        } else {
            headers.addAll(List.of("Cache-Control", "public, max-age=5"));
        }
        try {
            return new PublicReply(type.status(), headers, json.writeValueAsBytes(
                    new Problem(type.uri(), type.title(), type.status(), detail, null,
                            failure instanceof BackendException b && type != ProblemType.SERVICE_UNAVAILABLE ? b.errors() : List.of(), Map.of())));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code If-None-Match} names {@code etag} (or is {@code *}): the reader's copy is current, a 304. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (etag == null || ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
