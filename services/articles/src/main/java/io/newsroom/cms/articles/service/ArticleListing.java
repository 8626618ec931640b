package io.newsroom.cms.articles.service;

import io.newsroom.cms.articles.api.ArticleRecords.ArticlePage;
import io.newsroom.cms.articles.domain.ArticleStatus;
import io.newsroom.cms.articles.repository.ArticleQueries;
import io.newsroom.cms.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/** The editors' list of articles: filters, sort, pages. */
@ApplicationScoped
public class ArticleListing {
    @Inject
    ArticleQueries queries;

    /**
     * One page of the articles matching every given filter; {@code owner}: only the articles of this user (mine);
     * {@code changesRequested}: only drafts handed back with request_changes.
     */
    public ArticlePage list(ArticleStatus status, UUID author, String tag, String q, String owner, boolean changesRequested,
                            String sort, int page, int size) {
        if (sort != null && !ArticleQueries.knownSort(sort)) {
            throw ProblemException.invalid("sort", "must be one of updated, -updated, created, -created, headline, -headline, published, -published, relevance");
        }
        ArticleQueries.Page result = queries.editorial(new ArticleQueries.Filter(status, author, tag, q, owner,
                changesRequested, sort), page, size);
        return new ArticlePage(result.items().stream().map(ArticleMapper::summary).toList(), result.total());
    }
}
