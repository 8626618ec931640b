package io.newsroom.cms.curation.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsroom.cms.common.problem.Problem;
import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.ProblemType;
import io.newsroom.cms.curation.client.ArticleViews;
import io.newsroom.cms.curation.client.MediaClient;
import io.newsroom.cms.curation.domain.FeaturedList;
import io.newsroom.cms.curation.domain.FeaturedList.Item;
import io.newsroom.cms.curation.domain.FeaturedList.PictureUse;
import io.newsroom.cms.curation.repository.FeaturedListRepository;
import io.newsroom.cms.curation.repository.PictureCopies;
import io.newsroom.cms.pictures.PublicImage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Media library pictures on list items, as the media library has to know them: each item that shows a picture in a
 * version of its list (the draft, which a scheduled publish makes live, or the live version) holds one usage of it, so
 * the picture cannot be deleted while a list shows it, and the media library lists where it is used.
 * <p>
 * A write that puts a picture on an item takes it first ({@link #take}), outside the list's compare-and-set: the usage
 * is reported and the answer copied ({@link PictureCopies}); the media service down or slow is a 503 problem and
 * nothing is written. When that write fails, what it took is given back ({@link #guarded}). After every write (and a
 * delete) the usages of pictures no version shows any more are withdrawn ({@link #settle}, best effort: the usage of
 * a picture that could not be withdrawn stays, which only keeps it from being deleted).
 */
@ApplicationScoped
public class ListPictures {
    @Inject
    MediaClient media;

    @Inject
    PictureCopies copies;

    @Inject
    ArticleViews articles;

    @Inject
    FeaturedListRepository repository;

    /**
     * A library picture a write puts on item {@code articleId}: {@code alt} the curator's words for it, {@code headline}
     * the curator's headline (for naming the item to people); {@code pictureField} the request field an unknown
     * picture is reported at, {@code altField} the one a picture nobody described is reported at.
     */
    public record Wanted(UUID articleId, UUID mediaId, String alt, String headline, String pictureField, String altField) {
        /** The library picture of request image {@code field} ({@code overrides.image}, {@code items[2].overrides.image}). */
        static Wanted of(UUID articleId, io.newsroom.cms.curation.api.ListRecords.Overrides overrides, String field) {
            if (overrides == null || overrides.image() == null || overrides.image().mediaId() == null) {
                return null;
            }
            return new Wanted(articleId, overrides.image().mediaId(), overrides.image().alt(), overrides.headline(),
                    field + ".mediaId", field + ".alt");
        }

        /** The library picture of a stored item, reported at {@code field} (a rollback's {@code revision}). */
        static Wanted of(Item item, String field) {
            if (item.picture() == null) {
                return null;
            }
            return new Wanted(item.articleId(), item.picture(), item.overrides().image().alt(), item.overrides().headline(),
                    field, field);
        }
    }

    /** The pictures a write is about to show (their public views, by id), and the usages it reported for them. */
    public record Taken(Map<UUID, JsonNode> pictures, String listId, Set<PictureUse> reported) {
        public static final Taken NONE = new Taken(Map.of(), null, Set.of());

        /** The URL the library gives picture {@code mediaId} (its original's default rendition), kept for editors. */
        public String url(UUID mediaId) {
            JsonNode picture = pictures.get(mediaId);
            return picture == null ? null : picture.path("renditions").path("original").path("src").asText(null);
        }
    }

    /**
     * Takes the pictures {@code wanted} puts on items of {@code list} (nulls are none): an item that already shows the
     * picture in a version of the list holds its usage and the copy here answers; any other is reported to the media
     * library now. A picture nobody described (neither the curator nor the library) is a 400 at its alt field; then,
     * as on any failure here, the usages just reported are withdrawn.
     */
    public Taken take(FeaturedList list, List<Wanted> wanted) {
        List<Wanted> pictures = wanted.stream().filter(w -> w != null).toList();
        if (pictures.isEmpty()) {
            return Taken.NONE;
        }
        Set<PictureUse> shown = list.picturesShown();
        Map<UUID, JsonNode> copied = copies.pictures(pictures.stream().map(Wanted::mediaId).toList());
        Map<UUID, JsonNode> taken = new HashMap<>();
        Set<PictureUse> reported = new LinkedHashSet<>();
        try {
            List<Problem.FieldError> undescribed = new ArrayList<>();
            for (Wanted w : pictures) {
                PictureUse use = new PictureUse(w.articleId(), w.mediaId());
                JsonNode picture = shown.contains(use) ? copied.get(w.mediaId()) : null;
                if (picture == null) {
                    picture = media.use(list.id(), w.articleId(), w.mediaId(), label(list, w), w.pictureField());
                    if (!shown.contains(use)) {
                        reported.add(use); // a usage the list held already is not this write's to give back
                    }
                    picture = copies.remember(picture).picture(); // the newer of the answer and a copy here
                }
                taken.put(w.mediaId(), picture);
                if (!PublicImage.described(w.alt(), picture)) {
                    undescribed.add(new Problem.FieldError(w.altField(), "describe the picture for readers who cannot"
                            + " see it, here or in the media library"));
                }
            }
            if (!undescribed.isEmpty()) {
                throw new ProblemException(ProblemType.VALIDATION, "A library picture has no alt text", undescribed, Map.of());
            }
        } catch (RuntimeException e) {
            reported.forEach(use -> media.release(list.id(), use.articleId(), use.mediaId()));
            throw e;
        }
        return new Taken(taken, list.id(), reported);
    }

    /** Runs {@code write}; when it fails, withdraws the usages {@code taken} reported that the list (as stored now) does not show. */
    public <T> T guarded(String slug, Taken taken, Supplier<T> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            if (!taken.reported().isEmpty()) {
                Set<PictureUse> shown = repository.find(slug).filter(l -> l.id().equals(taken.listId()))
                        .map(FeaturedList::picturesShown).orElse(Set.of());
                taken.reported().stream().filter(use -> !shown.contains(use))
                        .forEach(use -> media.release(taken.listId(), use.articleId(), use.mediaId()));
            }
            throw e;
        }
    }

    /**
     * After the write from {@code before} to {@code after}: withdraws the usages of pictures {@code before} showed and
     * {@code after} does not, unless the list as stored now shows them again (a write that came right after).
     */
    public void settle(FeaturedList before, FeaturedList after) {
        Set<PictureUse> gone = new LinkedHashSet<>(before.picturesShown());
        gone.removeAll(after.picturesShown());
        if (gone.isEmpty()) {
            return;
        }
        repository.find(after.slug()).filter(l -> l.id().equals(after.id())).ifPresent(now -> gone.removeAll(now.picturesShown()));
        gone.forEach(use -> media.release(before.id(), use.articleId(), use.mediaId()));
    }

    /** After {@code list} was deleted: withdraws every usage it may still hold (its revisions' pictures too). */
    public void deleted(FeaturedList list) {
        list.picturesEverShown().forEach(use -> media.release(list.id(), use.articleId(), use.mediaId()));
    }

    /** How the media library names the item to people: "Front page: Storm closes the harbour". */
    private String label(FeaturedList list, Wanted w) {
        String headline = w.headline() != null && !w.headline().isBlank() ? w.headline().trim() : articles.knownHeadline(w.articleId());
        return list.title() + ": " + (headline == null ? "article " + w.articleId() : headline);
    }
}
