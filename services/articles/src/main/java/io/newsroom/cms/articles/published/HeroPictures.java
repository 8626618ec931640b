package io.newsroom.cms.articles.published;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.cms.articles.repository.ArticleQueries;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A copy of what readers see of each media library picture used as a hero image or a social image here ({@code media_picture}): alt
 * text, caption, credit, size and rendition URLs, as the media service's public view of it. Published articles are
 * written from it, so a read never asks the media service. How current: a picture is copied from the usage answer
 * when an article takes it, then from the media service's events ({@code cms.media.pictures}), which also rewrite the
 * published articles that show it. A copy is only replaced by a newer one ({@code updatedAt}), so a late or replayed
 * event changes nothing.
 */
@ApplicationScoped
public class HeroPictures {
    private static final Logger LOG = Logger.getLogger(HeroPictures.class);
    private static final String UPSERT = "insert into media_picture (id, picture, updated_at) values (:id, :picture, :updatedAt)"
            + " on conflict (id) do update set picture = excluded.picture, updated_at = excluded.updated_at"
            + " where media_picture.updated_at < excluded.updated_at";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    PublishedViews views;

    /** Keeps {@code picture} (the media service's public view) unless a newer copy is here; in a transaction of its own. */
    public void remember(JsonNode picture) {
        QuarkusTransaction.requiringNew().run(() -> upsert(picture));
    }

    /**
     * Copies a picture that changed in the library and rewrites the published articles that show it, in a transaction
     * of its own; the number of articles rewritten (0 when the copy here was as new).
     */
    public int apply(JsonNode picture) {
        int rewritten = QuarkusTransaction.requiringNew().call(() -> {
            if (upsert(picture) == 0) {
                return 0;
            }
            UUID id = UUID.fromString(picture.path("id").asText());
            return views.rewrite(ArticleQueries.uuids(em.createNativeQuery(
                    "select article_id from published_article where hero_media_id = :id"
                            + " union select article_id from published_article where social_media_id = :id").setParameter("id", id)));
        });
        if (rewritten > 0) {
            LOG.infof("Picture %s changed in the media library: %d published articles rewritten", picture.path("id").asText(), rewritten);
        }
        return rewritten;
    }

    /** Forgets a deleted picture (only pictures no article uses can be deleted). */
    public void forget(UUID id) {
        QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("delete from media_picture where id = :id").setParameter("id", id).executeUpdate());
    }

    /** Whether an article here has taken picture {@code id} (its own transaction). */
    public boolean isCopied(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery("select 1 from media_picture where id = :id")
                .setParameter("id", id).getResultList().isEmpty());
    }

    /** The copy of picture {@code id}, in the caller's transaction; empty when none was ever copied. */
    public Optional<JsonNode> find(UUID id) {
        List<?> found = em.createNativeQuery("select picture from media_picture where id = :id").setParameter("id", id).getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readTree((String) found.get(0)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored picture copy is not JSON: " + id, e);
        }
    }

    /** An article's library picture without alt text, here or in the article ({@code social}: its social image). */
    public record Undescribed(UUID mediaId, String headline, boolean social) {
    }

    /**
     * The library pictures of article {@code articleId}'s working copy (its hero image, then its social image) that
     * neither their copy here nor the article describes; {@code social} says which is the social image.
     */
    @SuppressWarnings("unchecked")
    public List<Undescribed> undescribed(UUID articleId) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select a.hero_media_id, a.headline, a.hero_alt, p.picture, false from article a left join media_picture p"
                        + " on p.id = a.hero_media_id where a.id = :id and a.hero_media_id is not null"
                        + " union all select a.seo_image_media_id, a.headline, a.seo_image_alt, p.picture, true from article a"
                        + " left join media_picture p on p.id = a.seo_image_media_id where a.id = :id"
                        + " and a.seo_image_media_id is not null")
                .setParameter("id", articleId).getResultList());
        List<Undescribed> found = new java.util.ArrayList<>();
        for (Object[] row : rows) {
            if (!described((String) row[2], (String) row[3])) {
                found.add(new Undescribed(ArticleQueries.uuid(row[0]), (String) row[1], (Boolean) row[4]));
            }
        }
        return found;
    }

    private boolean described(String own, String copy) {
        if (own != null && !own.isBlank()) {
            return true;
        }
        try {
            JsonNode alt = copy == null ? null : json.readTree(copy).path("alt");
            return alt != null && alt.isTextual() && !alt.asText().isBlank();
        } catch (JsonProcessingException e) {
            return false; // an unreadable copy is as good as none: ask again
        }
    }

    /** The picture the live version of article {@code articleId} shows, if any (its own transaction). */
    public UUID liveOn(UUID articleId) {
        List<UUID> found = QuarkusTransaction.requiringNew().call(() -> ArticleQueries.uuids(em.createNativeQuery(
                "select hero_media_id from published_article where article_id = :id and hero_media_id is not null")
                .setParameter("id", articleId)));
        return found.isEmpty() ? null : found.get(0);
    }

    /** Every library picture a revision of article {@code articleId} has shown: all it may have reported using. */
    public List<UUID> everShownBy(UUID articleId) {
        return QuarkusTransaction.requiringNew().call(() -> ArticleQueries.uuids(em.createNativeQuery(
                "select distinct hero_media_id from article_revision where article_id = :id and hero_media_id is not null"
                        + " union select hero_media_id from article where id = :id and hero_media_id is not null")
                .setParameter("id", articleId)));
    }

    /** The picture the live version of article {@code articleId} shows on its social card, if any (its own transaction). */
    public UUID socialLiveOn(UUID articleId) {
        List<UUID> found = QuarkusTransaction.requiringNew().call(() -> ArticleQueries.uuids(em.createNativeQuery(
                "select social_media_id from published_article where article_id = :id and social_media_id is not null")
                .setParameter("id", articleId)));
        return found.isEmpty() ? null : found.get(0);
    }

    /** Every library picture a revision of article {@code articleId} has shown as its social image. */
    public List<UUID> everShownAsSocialImageBy(UUID articleId) {
        return QuarkusTransaction.requiringNew().call(() -> ArticleQueries.uuids(em.createNativeQuery(
                "select distinct seo_image_media_id from article_revision where article_id = :id and seo_image_media_id is not null"
                        + " union select seo_image_media_id from article where id = :id and seo_image_media_id is not null")
                .setParameter("id", articleId)));
    }

    private int upsert(JsonNode picture) {
        return em.createNativeQuery(UPSERT).setParameter("id", UUID.fromString(picture.path("id").asText()))
                .setParameter("picture", picture.toString())
                .setParameter("updatedAt", Instant.parse(picture.path("updatedAt").asText()))
                .executeUpdate();
    }
}
