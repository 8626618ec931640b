package io.newsroom.cms.gateway.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.newsroom.cms.common.problem.Problem;
import io.newsroom.cms.common.time.PublishedRange;
import io.newsroom.cms.gateway.api.PublicRecords.ArticlePage;
import io.newsroom.cms.gateway.api.PublicRecords.AuthorIndex;
import io.newsroom.cms.gateway.api.PublicRecords.AuthorIndexEntry;
import io.newsroom.cms.gateway.api.PublicRecords.AuthorPage;
import io.newsroom.cms.gateway.api.PublicRecords.AuthorProfile;
import io.newsroom.cms.gateway.client.ContentBackends;
import io.newsroom.cms.gateway.client.ContentBackends.Answer;
import io.newsroom.cms.gateway.config.PublicApiConfig;
import io.newsroom.cms.gateway.domain.BackendException;
import io.newsroom.cms.gateway.domain.CachedAnswer;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The public answers. Articles, pages and search results are the articles service's public JSON (stored when the
 * article was published, its authors embedded) and featured lists are curation's: their bytes pass through as they
 * came. The author page (profile + recent articles) and the index of authors are composed from typed records; feeds
 * and sitemaps are {@link PublicFeeds}' and {@link PublicSitemaps}'. Articles and lists carry their authors from the articles service's copy
 * of the public profiles, so an authors outage does not touch them.
 */
@ApplicationScoped
public class PublicContent {
    private static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");

    @Inject
    ContentBackends backends;

    @Inject
    ObjectMapper json;

    @Inject
    PublicApiConfig config;

    private ObjectReader page;
    private ObjectReader profile;
    private ObjectWriter authorPage;
    private ObjectReader profiles;
    private ObjectWriter authorIndex;

    @Inject
    PublicLinks links;

    /** The authors service's page of public profiles. */
    record Profiles(List<AuthorProfile> items, String nextCursor) {
    }

    @PostConstruct
    void init() {
        // the services' answers may carry more than the public records name; what readers get is exactly the records
        ObjectReader lenient = json.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        page = lenient.forType(ArticlePage.class);
        profile = lenient.forType(AuthorProfile.class);
        authorPage = json.writerFor(AuthorPage.class);
        profiles = lenient.forType(Profiles.class);
        authorIndex = json.writerFor(AuthorIndex.class);
    }

    /**
     * The article's public JSON as the articles service stored it, with the ETag it stored: nothing here reads or
     * hashes the bytes. An incomplete author box comes as {@code Warning: 110}. A renamed slug is a redirect.
     */
    public Uni<CachedAnswer> article(String slug) {
        return backends.article(slug).map(response -> {
            if (response.status() == 301) {
                return CachedAnswer.redirect("/public/v1/articles/" + lastSegment(response)).withVersion(response.version());
            }
            check(response, "article");
            return CachedAnswer.json(response.body(), response.degraded(), response.etag()).withKeys(response.surrogateKeys())
                    .withVersion(response.version());
        });
    }

    /**
     * The related articles of a published one as the articles service sends them (the editor's picks first, then ones
     * sharing its section and tags, each with its {@code reason}), passed through. A renamed slug redirects to the
     * current one's related articles, as the article itself does; a slug never published is a 404 problem.
     */
    public Uni<CachedAnswer> related(String slug, int limit) {
        return backends.relatedArticles(slug, limit).map(response -> {
            if (response.status() == 301) {
                String location = response.location();
                String path = location.contains("?") ? location.substring(0, location.indexOf('?')) : location;
                String current = path.substring(0, path.lastIndexOf("/related"));
                return CachedAnswer.redirect("/public/v1/articles/" + current.substring(current.lastIndexOf('/') + 1)
                        + "/related?limit=" + limit);
            }
            check(response, "article");
            return CachedAnswer.json(response.body(), false);
        });
    }

    /**
     * Newest first, optionally by tag and author. {@code author} is an author's slug (an old one is followed to the
     * author's current one) or id; an author that does not exist is a 404 problem, never an unfiltered page.
     */
    public Uni<CachedAnswer> newest(int limit, String cursor, String tag, String author) {
        return newest(limit, cursor, tag, author, null, true);
    }

    /**
     * {@link #newest(int, String, String, String)} of a section: {@code section} is a section's slug (a former one is
     * followed by the articles service; an unknown one is a 404 problem, never an unfiltered page), its subsections'
     * articles included unless {@code includeChildren} is false.
     */
    public Uni<CachedAnswer> newest(int limit, String cursor, String tag, String author, String section, boolean includeChildren) {
        return articles(limit, cursor, tag, author, section, includeChildren, null, null, ArticleFields.ALL);
    }

    /**
     * {@link #newest(int, String, String, String, String, boolean)} in {@code sort} order (null: newest), each item cut
     * down to {@code fields} ({@link ArticleFields#ALL}: the articles service's bytes pass through untouched).
     */
    public Uni<CachedAnswer> articles(int limit, String cursor, String tag, String author, String section, boolean includeChildren,
                                      String sort, PublishedRange range, ArticleFields fields) {
        Uni<String> authorId = author == null || author.isBlank() || UUID_SHAPE.matcher(author).matches()
                ? Uni.createFrom().item(author)
                : authorIdOf(author, 0);
        String inSection = section == null || section.isBlank() ? null : section;
        return authorId.flatMap(id -> backends.articles(limit, cursor, tag, id, inSection, includeChildren, sort, range))
                .map(response -> {
                    check(response, "articles");
                    return CachedAnswer.json(fields.keep(response.body(), json), false);
                });
    }

    /** The section tree as the articles service sends it. */
    public Uni<CachedAnswer> sections() {
        return backends.sections().map(response -> passThrough(response, "sections"));
    }

    /** A section with its subsections; a renamed section's former slug redirects. */
    public Uni<CachedAnswer> section(String slug) {
        return backends.section(slug).map(response -> {
            if (response.status() == 301) {
                return CachedAnswer.redirect("/public/v1/sections/" + lastSegment(response));
            }
            return passThrough(response, "section");
        });
    }

    /** A page of the tags published articles carry, as the articles service sends it. */
    public Uni<CachedAnswer> tags(int limit, String cursor) {
        return backends.tags(limit, cursor).map(response -> passThrough(response, "tags"));
    }

    /** A tag published articles carry; a renamed (or merged) tag's former slug redirects. */
    public Uni<CachedAnswer> tag(String slug) {
        return backends.tag(slug).map(response -> {
            if (response.status() == 301) {
                return CachedAnswer.redirect("/public/v1/tags/" + lastSegment(response));
            }
            return passThrough(response, "tag");
        });
    }

    public Uni<CachedAnswer> search(String q, int limit) {
        return search(q, limit, null);
    }

    /** Best match first; {@code cursor}: the {@code nextCursor} of the page before. */
    public Uni<CachedAnswer> search(String q, int limit, String cursor) {
        return backends.searchArticles(q, limit, cursor).map(response -> passThrough(response, "search"));
    }

    /** The active authors by slug, as a staff page shows them: name, job, picture and the link to their page. */
    public Uni<CachedAnswer> authors(int limit, String cursor) {
        return backends.authors(limit, cursor).map(response -> {
            check(response, "authors");
            Profiles page = read(profiles, response, "authors");
            List<AuthorIndexEntry> items = page.items() == null ? List.of() : page.items().stream()
                    .map(a -> new AuthorIndexEntry(a.id(), a.slug(), a.displayName(), a.jobTitle(), a.organization(), a.avatar(),
                            links.author(a.slug()))).toList();
            try {
                return CachedAnswer.json(authorIndex.writeValueAsBytes(new AuthorIndex(items, page.nextCursor())), false);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot write the index of authors", e);
            }
        });
    }

    /**
     * A resolved featured list as the curation service sent it (content only, so equal content has the same ETag);
     * when curation made it from its last good view of the articles (its {@code Warning: 110}), it is served but not
     * kept fresh, and readers get the warning too.
     */
    public Uni<CachedAnswer> list(String slug) {
        return backends.list(slug).map(response -> {
            check(response, "list");
            return CachedAnswer.json(response.body(), response.degraded());
        });
    }

    /** The author's public profile and the ten newest articles with the author on the byline. */
    public Uni<CachedAnswer> author(String slug) {
        return author(slug, null);
    }

    /** The author's page with the ten articles after {@code cursor} (the page's {@code nextCursor}; null: the newest). */
    public Uni<CachedAnswer> author(String slug, String cursor) {
        return backends.author(slug).flatMap(response -> {
            if (response.status() == 301) {
                return Uni.createFrom().item(CachedAnswer.redirect("/public/v1/authors/" + lastSegment(response)));
            }
            check(response, "author");
            AuthorProfile author = read(profile, response, "authors");
            return backends.newestArticles(10, cursor, null, author.id().toString()).map(list -> {
                check(list, "articles");
                ArticlePage recent = read(page, list, "articles");
                try {
                    return CachedAnswer.json(authorPage.writeValueAsBytes(AuthorPage.of(author, recent.items(), recent.nextCursor())), false);
                } catch (IOException e) {
                    throw new IllegalStateException("Cannot write an author page", e);
                }
            });
        });
    }

    /** The id of the author at {@code slug}, following renames (a few hops at most). */
    private Uni<String> authorIdOf(String slug, int hops) {
        return backends.author(slug).flatMap(r -> {
            if (r.status() == 301 && hops < 3) {
                return authorIdOf(lastSegment(r), hops + 1);
            }
            if (r.status() == 404 || r.status() == 301) {
                return Uni.createFrom().failure(new BackendException(404, "No author '" + slug + "'; the author filter takes an author's slug or id"));
            }
            check(r, "author");
            AuthorProfile author = read(profile, r, "authors");
            return author.id() == null ? Uni.createFrom().failure(new BackendException(502, "The authors service sent an unreadable answer"))
                    : Uni.createFrom().item(author.id().toString());
        });
    }

    private static CachedAnswer passThrough(Answer response, String what) {
        check(response, what);
        return CachedAnswer.json(response.body(), false);
    }

    private static <T> T read(ObjectReader reader, Answer response, String service) {
        try {
            return reader.readValue(response.body());
        } catch (IOException e) {
            throw new BackendException(502, "The " + service + " service sent an unreadable answer");
        }
    }

    /**
     * A 200 answer passes; a 404 or 400 is an answer readers get, with the service's own words when it sent a problem
     * (which tag or section was not found, which parameter is wrong: written for callers, never internals); anything
     * else is a failure.
     */
    static void check(Answer response, String what) {
        int status = response.status();
        if (status == 200) {
            return;
        }
        if (status == 404 || status == 400) {
            String fallback = status == 404 ? "No published " + what + " here" : "Bad " + what + " request";
            Problem problem = upstreamProblem(response);
            if (problem != null && problem.detail() != null && !problem.detail().isBlank() && problem.detail().length() <= 300) {
                throw new BackendException(status, problem.detail(), problem.errors() == null ? List.of()
                        : problem.errors().stream().filter(e -> e != null && e.field() != null && e.message() != null).limit(20).toList());
            }
            throw new BackendException(status, fallback);
        }
        throw new BackendException(502, "The " + what + " service answered " + status);
    }

    private static final ObjectReader PROBLEM = new ObjectMapper().reader()
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).forType(Problem.class);

    /** The problem a service answered with, or null (another body, or one that cannot be read). */
    private static Problem upstreamProblem(Answer response) {
        if (response.body() == null || response.body().length == 0 || response.body().length > 16_384
                || response.contentType() == null || !response.contentType().contains("problem+json")) {
            return null;
        }
        try {
            return PROBLEM.readValue(response.body());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String lastSegment(Answer response) {
        String location = response.location();
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
