package io.newsroom.cms.gateway.service;

import io.newsroom.cms.gateway.domain.CachedAnswer;
import io.newsroom.cms.gateway.domain.ServedAnswer;
import io.newsroom.cms.gateway.repository.ResponseCache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The public reads, each answered from the response cache by its key, made by {@link PublicContent} on a miss. */
@ApplicationScoped
public class PublicReads {
    @Inject
    PublicContent content;

    @Inject
    ResponseCache cache;

    public Uni<ServedAnswer> newest(int limit, String cursor, String tag, String author) {
        // an author filter by slug asks the authors service which author that is: not covered by the articles' events
        boolean byArticlesOnly = author == null || author.isBlank();
        return cache.get("articles?" + limit + "&" + cursor + "&" + tag + "&" + author, byArticlesOnly,
                () -> content.newest(limit, cursor, tag, author));
    }

    public Uni<ServedAnswer> article(String slug) {
        return cache.get("article/" + slug, () -> content.article(slug));
    }

    /** The article page's cached answer when it can be sent as it is (nothing to make or refresh), else null. */
    public CachedAnswer freshArticle(String slug) {
        return cache.fresh("article/" + slug, true);
    }

    public Uni<ServedAnswer> author(String slug) {
        return cache.get("author/" + slug, false, () -> content.author(slug));
    }

    public Uni<ServedAnswer> list(String slug) {
        return cache.get("list/" + slug, false, () -> content.list(slug));
    }

    public Uni<ServedAnswer> search(String q, int limit) {
        return cache.get("search?" + limit + "&" + q, () -> content.search(q, limit));
    }

    public Uni<ServedAnswer> feed() {
        return cache.get("feed", content::feed);
    }

    public Uni<ServedAnswer> sitemap() {
        return cache.get("sitemap", content::sitemap);
    }
}
