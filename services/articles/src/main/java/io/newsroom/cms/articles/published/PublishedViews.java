package io.newsroom.cms.articles.published;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import io.newsroom.cms.pictures.PublicImage;
import io.newsroom.cms.common.problem.Problem;
import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.ProblemType;
import io.newsroom.cms.articles.api.PublishedRecords.CurationSummary;
import io.newsroom.cms.articles.api.PublishedRecords.PublicArticle;
import io.newsroom.cms.articles.api.PublishedRecords.PublicCorrection;
import io.newsroom.cms.articles.api.PublishedRecords.PublicSeo;
import io.newsroom.cms.articles.api.PublishedRecords.SeoImage;
import io.newsroom.cms.articles.domain.ArticleCorrection;
import io.newsroom.cms.articles.api.PublishedRecords.PublicSummary;
import io.newsroom.cms.articles.api.Raw;
import io.newsroom.cms.articles.api.SectionRecords.SectionRef;
import io.newsroom.cms.articles.domain.Section;
import io.newsroom.cms.articles.domain.SectionTree;
import io.newsroom.cms.articles.repository.SectionQueries;
import io.newsroom.cms.articles.domain.Article;
import io.newsroom.cms.articles.domain.ArticleRevision;
import io.newsroom.cms.articles.domain.Content;
import io.newsroom.cms.articles.domain.OutboxEvent;
import io.newsroom.cms.articles.repository.ArticleQueries;
import io.newsroom.cms.common.content.MarkdownRenderer;
import io.newsroom.cms.common.http.ContentTags;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.newsroom.cms.common.http.SurrogateKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The read model behind the published views, written: per live article, the final JSON readers get (the article page
 * {@code document} and the list item {@code item}, authors included, no Markdown body, no internal byline), the
 * curation service's {@code summary}, and what the public lookups filter on (slug, tags, byline ids, search vector).
 * Written in the transaction that publishes, and rewritten when one of its authors changes ({@link BylineAuthors})
 * or the format is raised; reads ({@link PublishedReads}) pass the stored JSON through.
 */
@ApplicationScoped
public class PublishedViews {
    /** Version of the stored JSON and of the HTML sanitizer policy; raise it to have every row rewritten at start. */
    public static final int FORMAT = 7; // 7: seo.image from the social image, a library picture as its social-card crop
    private static final Logger LOG = Logger.getLogger(PublishedViews.class);

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    HeroPictures pictures;

    @Inject
    SectionQueries sections;

    /** The authors of a byline as known here, in byline order: list links and public profiles (stored JSON). */
    private record Authors(List<Raw> links, List<Raw> profiles) {
        /** The same, as the row's record of which copies it was written from (compared by {@link BylineAuthors}). */
        String linksText() {
            return joined(links);
        }

        String profilesText() {
            return joined(profiles);
        }

        private static String joined(List<Raw> values) {
            return values.isEmpty() ? null : String.join(",", values.stream().map(Raw::json).toList());
        }
    }

    /** Makes {@code content} (revision {@code revision} of the article) what readers see. */
    public void put(Article article, Content content, int revision) {
        Authors authors = authorsOf(content.byline);
        PublicImage hero = hero(content);
        boolean degraded = authors.profiles().size() < content.byline.size();
        SectionTree tree = sectionsOf(content);
        SectionRef section = sectionRef(tree, content.primarySectionId);
        List<SectionRef> secondary = content.secondarySectionIds.stream().map(id -> sectionRef(tree, id)).filter(Objects::nonNull).toList();
        String document = write(new PublicArticle(article.id, content.slug, content.headline, content.dek,
                MarkdownRenderer.toSafeHtml(content.body), hero, content.tags, article.firstPublishedAt,
                article.lastPublishedAt, revision, authors.profiles(), degraded, section, secondary, seo(content, hero),
                ArticleCorrection.of(article.id).stream().map(c -> new PublicCorrection(c.kind, c.note, c.at)).toList()));
        String item = write(new PublicSummary(article.id, content.slug, content.headline, content.dek, hero, content.tags,
                article.firstPublishedAt, article.lastPublishedAt, authors.links(), section));
        String previousSlug = previousSlug(article.id);
        String etag = ContentTags.of(document.getBytes(StandardCharsets.UTF_8));
        String summary = write(new CurationSummary(article.id, content.slug, content.headline, content.dek, hero,
                content.tags, content.byline, article.firstPublishedAt, article.lastPublishedAt));
        // readers' caches replace the article at once; a renamed slug's old answer goes too. The event's id is the
        // row's version: answers read from the row and the event carry the same number (the article's row lock,
        // held by every writer, keeps it increasing per article)
        String slugs = previousSlug == null || previousSlug.equals(content.slug) ? content.slug : content.slug + "," + previousSlug;
        OutboxEvent event = OutboxEvent.append(OutboxEvent.PUBLISHED_ARTICLES, article.id.toString(), "article.published", document,
                Map.of("cms-slugs", slugs, "cms-etag", etag, "cms-authors-degraded", Boolean.toString(degraded),
                        "cms-surrogate-keys", SurrogateKeys.ofArticle(article.id, content.byline)));
        em.createNativeQuery("insert into published_article (article_id, slug, published_at, tags, byline, search_vector, title_vector,"
                        + " summary, item, document, etag, authors_degraded, format, revision, authors, profiles, version,"
                        + " hero_media_id, updated_at, section_id, noindex, social_media_id) values (:id,"
                        + " :slug, :publishedAt, cast(:tags as jsonb), cast(:byline as jsonb),"
                        + " setweight(to_tsvector('english', :headline), 'A') || setweight(to_tsvector('english', :dek), 'B')"
                        + " || setweight(to_tsvector('english', :body), 'C'),"
                        + " setweight(to_tsvector('english', :headline), 'A') || setweight(to_tsvector('english', :dek), 'B'), :summary, :item, :document, :etag, :degraded,"
                        + " :format, :revision, :links, :profiles, :version, :heroMediaId, :updatedAt, :sectionId, :noindex,"
                        + " :socialMediaId)"
                        + " on conflict (article_id) do update set slug = excluded.slug, published_at = excluded.published_at,"
                        + " tags = excluded.tags, byline = excluded.byline, search_vector = excluded.search_vector, title_vector = excluded.title_vector,"
                        + " summary = excluded.summary, item = excluded.item, document = excluded.document,"
                        + " etag = excluded.etag, authors_degraded = excluded.authors_degraded,"
                        + " format = excluded.format, revision = excluded.revision, authors = excluded.authors,"
                        + " profiles = excluded.profiles, version = excluded.version, hero_media_id = excluded.hero_media_id,"
                        + " updated_at = excluded.updated_at, section_id = excluded.section_id, noindex = excluded.noindex,"
                        + " social_media_id = excluded.social_media_id")
                .setParameter("id", article.id)
                .setParameter("slug", content.slug)
                .setParameter("publishedAt", article.firstPublishedAt)
                .setParameter("tags", write(content.tags))
                .setParameter("byline", write(content.byline))
                .setParameter("headline", content.headline)
                .setParameter("dek", content.dek == null ? "" : content.dek)
                .setParameter("body", content.body == null ? "" : content.body)
                .setParameter("summary", summary)
                .setParameter("item", item)
                .setParameter("document", document)
                .setParameter("etag", etag)
                .setParameter("degraded", degraded)
                .setParameter("format", FORMAT)
                .setParameter("revision", revision)
                .setParameter("links", authors.linksText())
                .setParameter("profiles", authors.profilesText())
                .setParameter("version", event.id)
                .setParameter("heroMediaId", content.heroMediaId)
                .setParameter("updatedAt", article.lastPublishedAt)
                .setParameter("sectionId", section == null ? null : content.primarySectionId)
                .setParameter("noindex", content.seoNoindex)
                .setParameter("socialMediaId", content.seoImageMediaId)
                .executeUpdate();
        fileUnderSections(article, content, tree);
        fileUnderTags(article, content);
    }

    /**
     * The article's rows in published_article_tag, one per tag (lowercased and distinct when saved), so the newest or
     * oldest with a tag is one index walk with a limit; dropped with the article's row (cascade).
     */
    private void fileUnderTags(Article article, Content content) {
        em.createNativeQuery("delete from published_article_tag where article_id = :id").setParameter("id", article.id)
                .executeUpdate();
        for (String tag : new LinkedHashSet<>(content.tags)) {
            em.createNativeQuery("insert into published_article_tag (article_id, tag, published_at) values (:article, :tag,"
                            + " :publishedAt)")
                    .setParameter("article", article.id).setParameter("tag", tag)
                    .setParameter("publishedAt", article.firstPublishedAt).executeUpdate();
        }
    }

    /**
     * The sections the article shows, read after share-locking them and their ancestors: a rename or move that holds one
     * of them is waited for, so the document is written with its outcome ({@code service.SectionEditing} locks the
     * articles it rewrites first, then the section: the same order as here, article then section).
     */
    private SectionTree sectionsOf(Content content) {
        if (content.primarySectionId == null && content.secondarySectionIds.isEmpty()) {
            return new SectionTree(List.of());
        }
        SectionTree before = sections.tree();
        Set<UUID> shown = new LinkedHashSet<>();
        for (UUID id : direct(content)) {
            before.path(id).forEach(s -> shown.add(s.id));
        }
        sections.lockShared(shown);
        return sections.tree();
    }

    private static List<UUID> direct(Content content) {
        List<UUID> direct = new ArrayList<>();
        if (content.primarySectionId != null) {
            direct.add(content.primarySectionId);
        }
        direct.addAll(content.secondarySectionIds);
        return direct;
    }

    static SectionRef sectionRef(SectionTree tree, UUID id) {
        Section section = id == null ? null : tree.get(id);
        return section == null ? null : new SectionRef(section.slug, section.name, tree.slugPath(id));
    }

    /**
     * The article's rows in published_article_section: its own sections ({@code direct}) and their ancestors, so a
     * section's list with or without its subsections is one index walk.
     */
    private void fileUnderSections(Article article, Content content, SectionTree tree) {
        em.createNativeQuery("delete from published_article_section where article_id = :id").setParameter("id", article.id)
                .executeUpdate();
        Map<UUID, Boolean> rows = new LinkedHashMap<>();
        for (UUID id : direct(content)) {
            if (!tree.contains(id)) {
                continue;
            }
            rows.put(id, true);
            tree.path(id).forEach(s -> rows.putIfAbsent(s.id, false));
        }
        rows.forEach((sectionId, direct) -> em.createNativeQuery("insert into published_article_section (section_id, article_id,"
                        + " published_at, direct) values (:section, :article, :publishedAt, :direct)")
                .setParameter("section", sectionId).setParameter("article", article.id)
                .setParameter("publishedAt", article.firstPublishedAt).setParameter("direct", direct).executeUpdate());
    }

    /**
     * Refuses to make {@code content} live with a library picture no one has described, as its hero image or on its
     * social card: readers who cannot see it get its alt text, the article's own or else the library's. Both said at
     * once when both lack it.
     */
    public void requireDescribedHero(Content content) {
        String missing = "describe the picture for readers who cannot see it before publishing, here or in the media library";
        List<Problem.FieldError> errors = new ArrayList<>();
        if (content.heroMediaId != null
                && !PublicImage.described(content.heroAlt, pictures.find(content.heroMediaId).orElse(null))) {
            errors.add(new Problem.FieldError("heroImage.alt", missing));
        }
        if (content.seoImageMediaId != null
                && !PublicImage.described(content.seoImageAlt, pictures.find(content.seoImageMediaId).orElse(null))) {
            errors.add(new Problem.FieldError("seo.socialImage.alt", missing));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, errors.get(0).field() + ": " + missing, errors, Map.of());
        }
    }

    /**
     * What search engines and social cards get: the SEO words or the headline and dek, and the card's picture: the
     * social image when there is one, else the hero image; a library picture as its social-card crop
     * ({@link SocialCards}).
     */
    private PublicSeo seo(Content c, PublicImage hero) {
        SeoImage image;
        if (c.seoImageMediaId != null || c.seoImageUrl != null) {
            image = cardImage(c.seoImageMediaId, c.seoImageUrl, c.seoImageAlt);
        } else if (hero == null || hero.url() == null) {
            image = null;
        } else {
            image = hero.mediaId() != null && hero.renditions() != null ? cardImage(hero.mediaId(), hero.url(), hero.alt())
                    : new SeoImage(hero.url(), hero.width(), hero.height(), hero.alt());
        }
        return new PublicSeo(c.seoTitle != null ? c.seoTitle : c.headline, c.seoDescription != null ? c.seoDescription : c.dek,
                c.seoCanonicalUrl, c.seoNoindex, image);
    }

    /**
     * A card picture: library picture {@code mediaId} as its crop with the given alt text or else the library's, from
     * the copy here; without a copy (or a pasted picture), {@code url} as it was saved, size unknown.
     */
    private SeoImage cardImage(UUID mediaId, String url, String alt) {
        JsonNode picture = mediaId == null ? null : pictures.find(mediaId).orElse(null);
        if (picture != null) {
            PublicImage described = PublicImage.of(mediaId, picture, url, alt, null, null);
            SocialCards.Crop crop = SocialCards.crop(picture).orElse(null);
            if (crop != null) {
                return new SeoImage(crop.url(), crop.width(), crop.height(), described.alt());
            }
            return new SeoImage(described.url(), described.width(), described.height(), described.alt());
        }
        if (mediaId != null) {
            LOG.warnf("No copy of picture %s here: its social card is published with its URL only", mediaId);
        }
        return url == null ? null : new SeoImage(url, null, null, alt);
    }

    /** The hero image as readers get it: a library picture from its copy here, the article's own words first. */
    PublicImage hero(Content c) {
        if (c.heroMediaId != null) {
            JsonNode picture = pictures.find(c.heroMediaId).orElse(null);
            if (picture != null) {
                return PublicImage.of(c.heroMediaId, picture, c.heroUrl, c.heroAlt, c.heroCaption, c.heroCredit);
            }
            LOG.warnf("No copy of picture %s here: its article is published with its URL only", c.heroMediaId);
        }
        return c.heroUrl == null ? null : new PublicImage(c.heroUrl, c.heroAlt, c.heroCaption, c.heroCredit, c.heroMediaId,
                null, null, null, null); // a picture not copied (yet) keeps its id: the next copy rewrites it
    }

    private String previousSlug(UUID articleId) {
        List<?> found = em.createNativeQuery("select slug from published_article where article_id = :id")
                .setParameter("id", articleId).getResultList();
        return found.isEmpty() ? null : (String) found.get(0);
    }

    /** The known authors of {@code byline} (copied by {@link BylineAuthors}), in byline order. */
    @SuppressWarnings("unchecked")
    private Authors authorsOf(List<UUID> byline) {
        if (byline.isEmpty()) {
            return new Authors(List.of(), List.of());
        }
        Map<UUID, Object[]> known = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("select id, link, profile from byline_author where id in (:ids)")
                .setParameter("ids", byline).getResultList()) {
            known.put((UUID) row[0], row);
        }
        List<Raw> links = new ArrayList<>();
        List<Raw> profiles = new ArrayList<>();
        for (UUID id : byline) {
            Object[] row = known.get(id);
            if (row != null) {
                links.add(new Raw((String) row[1]));
                if (row[2] != null) {
                    profiles.add(new Raw((String) row[2]));
                }
            }
        }
        return new Authors(links, profiles);
    }

    /** Readers no longer see the article. */
    public void remove(UUID articleId) {
        List<?> slugs = em.createNativeQuery("delete from published_article where article_id = :id returning slug")
                .setParameter("id", articleId).getResultList();
        if (!slugs.isEmpty()) {
            // the tombstone: the compacted topic forgets the article, caches drop it
            OutboxEvent.append(OutboxEvent.PUBLISHED_ARTICLES, articleId.toString(), "article.unpublished", null,
                    Map.of("cms-slugs", (String) slugs.get(0)));
        }
    }

    /**
     * Rewrites the rows of the given live articles from their live revisions, each under the article's row lock (like
     * every transition: an unpublish on another replica cannot slip between the read and the write); the number written.
     */
    public int rewrite(List<UUID> articleIds) {
        int written = 0;
        for (UUID id : articleIds) {
            Article article = Article.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (article == null || article.liveRevision == null) {
                continue;
            }
            ArticleRevision live = ArticleRevision.findById(new ArticleRevision.Key(id, article.liveRevision));
            put(article, live.content, live.key.number);
            written++;
        }
        return written;
    }

    /**
     * Brings the read model in line with the articles, at start-up and then every
     * {@code cms.articles.read-model.reconcile-every}: rows for live articles that have none (data from before the read
     * model), one of an older format or one written from another revision are written from the live revision; rows of
     * articles no longer live are dropped. Every publish writes its row in its own transaction, so this finds work
     * only after an upgrade (replicas of the old version still running) or a format change. Idempotent, so replicas
     * doing it together do no harm.
     */
    void onStart(@Observes StartupEvent start) {
        catchUp();
    }

    // first run 30 s after start: the start-up has just done it
    @Scheduled(every = "${cms.articles.read-model.reconcile-every}", delay = 30, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void reconcile() {
        catchUp();
    }

    @Transactional
    public void catchUp() {
        int dropped = em.createNativeQuery("delete from published_article p using article a where a.id = p.article_id"
                + " and a.live_revision is null").executeUpdate();
        List<UUID> stale = ArticleQueries.uuids(em.createNativeQuery("select a.id from article a left join published_article p"
                + " on p.article_id = a.id where a.live_revision is not null and (p.article_id is null or p.format <> :format"
                + " or p.revision is distinct from a.live_revision)")
                .setParameter("format", FORMAT));
        int written = rewrite(stale);
        if (dropped + written > 0) {
            LOG.infof("Published views: %d written, %d dropped", written, dropped);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the published view", e);
        }
    }
}
