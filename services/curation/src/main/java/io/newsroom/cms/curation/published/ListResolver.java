package io.newsroom.cms.curation.published;

import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.curation.api.ListRecords.ImageRef;
import io.newsroom.cms.curation.api.ListRecords.ResolvedItem;
import io.newsroom.cms.curation.api.ListRecords.ResolvedList;
import io.newsroom.cms.curation.client.ArticleViews;
import io.newsroom.cms.curation.client.ArticlesApi.HeroImage;
import io.newsroom.cms.curation.client.ArticlesApi.PublishedSummary;
import io.newsroom.cms.curation.domain.FeaturedList;
import io.newsroom.cms.curation.domain.FeaturedList.Image;
import io.newsroom.cms.curation.domain.FeaturedList.Item;
import io.newsroom.cms.curation.domain.FeaturedList.Live;
import io.newsroom.cms.curation.domain.FeaturedList.Overrides;
import io.newsroom.cms.curation.repository.FeaturedListRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A list as readers get it: its live version (or, for an editor's preview, the version live at a time, a due scheduled
 * publish included), items outside their window and articles no longer published left out, overrides applied over
 * the articles' own headline, summary and image. The articles come from the view that follows the published-articles
 * topic, else from the articles service in one call per list, or from the last good view of them while it is briefly
 * down ({@code stale}): {@link ArticleViews#resolve}.
 */
@ApplicationScoped
public class ListResolver {
    @Inject
    FeaturedListRepository repository;

    @Inject
    ArticleViews articles;

    /** The live list, resolved now; 404 when the list does not exist or was never published. */
    public ResolvedList live(String slug) {
        FeaturedList list = find(slug);
        if (list.live() == null) {
            throw ProblemException.notFound("Published list '" + slug + "'");
        }
        return resolve(list, Instant.now(), false);
    }

    /** The list as readers will see it at {@code at}: item windows and a scheduled publish due by then applied. */
    public ResolvedList preview(String slug, Instant at) {
        return resolve(find(slug), at, true);
    }

    private FeaturedList find(String slug) {
        return repository.find(slug).orElseThrow(() -> ProblemException.notFound("List '" + slug + "'"));
    }

    private ResolvedList resolve(FeaturedList list, Instant at, boolean preview) {
        boolean scheduledApplies = preview && list.scheduledPublishAt() != null && !at.isBefore(list.scheduledPublishAt());
        List<Item> items = scheduledApplies ? list.draft().items() : list.live() == null ? List.of() : list.live().items();
        List<Item> inWindow = items.stream().filter(i -> i.window() == null || i.window().covers(at)).toList();
        ArticleViews.Resolved resolved = articles.resolve(inWindow.stream().map(Item::articleId).toList());
        List<ResolvedItem> out = new ArrayList<>();
        for (Item item : inWindow) {
            PublishedSummary article = resolved.published().get(item.articleId());
            if (article == null) {
                continue; // no longer published: it drops out without anyone editing the list
            }
            Overrides o = item.overrides();
            String headline = o != null && o.headline() != null ? o.headline() : article.headline();
            String summary = o != null && o.summary() != null ? o.summary() : article.dek();
            ImageRef image = image(o == null ? null : o.image(), article.heroImage());
            out.add(new ResolvedItem(out.size(), article.id(), article.slug(), headline, summary, image, article.publishedAt()));
        }
        Live live = list.live();
        return new ResolvedList(list.slug(), list.title(), list.description(),
                scheduledApplies ? Integer.valueOf(list.nextRevision()) : live == null ? null : live.revision(),
                scheduledApplies ? list.scheduledPublishAt() : live == null ? null : live.publishedAt(), at, resolved.stale(), out);
    }

    /**
     * The rail's image: an override with a URL replaces the picture; an alt-only override keeps the article's own picture
     * with the curator's description (and no picture when the article has none).
     */
    static ImageRef image(Image override, HeroImage hero) {
        String heroUrl = hero == null || hero.url() == null || hero.url().isBlank() ? null : hero.url().trim();
        if (override != null && override.url() != null) {
            return new ImageRef(override.url(), override.alt());
        }
        if (heroUrl == null) {
            return null;
        }
        return new ImageRef(heroUrl, override != null && override.alt() != null ? override.alt() : hero.alt());
    }
}
