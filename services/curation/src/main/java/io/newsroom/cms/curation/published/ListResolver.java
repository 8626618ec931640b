package io.newsroom.cms.curation.published;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsroom.cms.common.problem.ProblemException;
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
import io.newsroom.cms.curation.repository.PictureCopies;
import io.newsroom.cms.pictures.PublicImage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A list as readers get it: its live version (or, for an editor's preview, the version live at a time, a due scheduled
 * publish included), items outside their window and articles no longer published left out, overrides applied over
 * the articles' own headline, summary and image. The articles come from the view that follows the published-articles
 * topic, else from the articles service in one call per list, or from the last good view of them while it is briefly
 * down ({@code stale}): {@link ArticleViews#resolve}. Library pictures on items come from their copies here
 * ({@link PictureCopies}, one query when the list has any), so a change in the library shows on the next read.
 */
@ApplicationScoped
public class ListResolver {
    @Inject
    FeaturedListRepository repository;

    @Inject
    ArticleViews articles;

    @Inject
    PictureCopies copies;

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
        List<UUID> pictured = inWindow.stream().map(Item::picture).filter(Objects::nonNull).toList();
        Map<UUID, JsonNode> pictures = pictured.isEmpty() ? Map.of() : copies.pictures(pictured);
        List<ResolvedItem> out = new ArrayList<>();
        for (Item item : inWindow) {
            PublishedSummary article = resolved.published().get(item.articleId());
            if (article == null) {
                continue; // no longer published: it drops out without anyone editing the list
            }
            Overrides o = item.overrides();
            String headline = o != null && o.headline() != null ? o.headline() : article.headline();
            String summary = o != null && o.summary() != null ? o.summary() : article.dek();
            PublicImage image = image(o == null ? null : o.image(), article.heroImage(),
                    item.picture() == null ? null : pictures.get(item.picture()));
            out.add(new ResolvedItem(out.size(), article.id(), article.slug(), headline, summary, image, article.publishedAt()));
        }
        Live live = list.live();
        return new ResolvedList(list.slug(), list.title(), list.description(),
                scheduledApplies ? Integer.valueOf(list.nextRevision()) : live == null ? null : live.revision(),
                scheduledApplies ? list.scheduledPublishAt() : live == null ? null : live.publishedAt(), at, resolved.stale(), out);
    }

    /**
     * The rail's image: a library picture replaces the article's own (as the library describes it unless the curator
     * did), so does a pasted URL; an alt-only override keeps the article's own picture, exactly as the article has it,
     * with the curator's description (and no picture when the article has none). {@code picture}: the copy of the
     * override's library picture, if any.
     */
    static PublicImage image(Image override, HeroImage hero, JsonNode picture) {
        PublicImage own = override == null ? null : override(override, picture);
        if (own != null && own.url() != null) {
            return own;
        }
        if (hero == null || hero.url() == null || hero.url().isBlank()) {
            return null;
        }
        PublicImage article = hero.toPublic();
        String alt = override != null && override.alt() != null ? override.alt() : article.alt();
        return new PublicImage(article.url().trim(), alt, article.caption(), article.credit(), article.mediaId(),
                article.width(), article.height(), article.srcset(), article.renditions());
    }

    /**
     * An item's own image as readers get it, its article left aside: a library picture from its copy ({@code picture},
     * the curator's alt text first), or what the curator gave (a URL and its words, or the words alone: {@code url}
     * null). A library picture not copied here keeps its id and the URL it had when taken.
     */
    public static PublicImage override(Image image, JsonNode picture) {
        if (image.mediaId() != null && picture != null) {
            return PublicImage.of(image.mediaId(), picture, image.url(), image.alt(), null, null);
        }
        return new PublicImage(image.url(), image.alt(), null, null, image.mediaId(), null, null, null, null);
    }
}
