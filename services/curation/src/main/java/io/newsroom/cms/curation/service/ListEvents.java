package io.newsroom.cms.curation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.cms.common.http.SurrogateKeys;
import io.newsroom.cms.curation.domain.FeaturedList;
import io.newsroom.cms.curation.domain.FeaturedList.Item;
import io.newsroom.cms.curation.domain.ListEvent;
import io.newsroom.cms.curation.repository.PictureCopies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Which events a change of a list causes, decided in one place for every write: {@code list.published} with the live
 * list ({@link ListMapper#published}) whenever that JSON changes (publish now, a due scheduled publish, a rollback, a
 * new title or description of a live list; nothing for drafts, schedules or lists never published; a change in the
 * media library of a picture the live list shows), and a {@code list.unpublished} tombstone when a list readers could
 * see goes away.
 */
@ApplicationScoped
public class ListEvents {
    @Inject
    ObjectMapper json;

    @Inject
    PictureCopies copies;

    /** The events of the change from {@code before} to {@code after}: none when readers see the same list. */
    public List<ListEvent> changed(FeaturedList before, FeaturedList after) {
        Map<UUID, JsonNode> pictures = copies.pictures(livePictures(before, after));
        String now = value(after, pictures);
        if (now == null || now.equals(value(before, pictures))) {
            return List.of();
        }
        return List.of(new ListEvent(ListEvent.PUBLISHED, after.slug(), now, headers(after.slug())));
    }

    /**
     * The events of library picture {@code id} changing from {@code previous} (what the list was last sent with) to
     * {@code picture}: the live list again when that changes what it carries (a new alt text the curator did not
     * replace, a new focal point); with {@code previous} unknown, the live list again in any case.
     */
    public List<ListEvent> pictureChanged(FeaturedList list, UUID id, JsonNode previous, JsonNode picture) {
        Map<UUID, JsonNode> pictures = new HashMap<>(copies.pictures(livePictures(list)));
        pictures.put(id, picture);
        String now = value(list, pictures);
        if (now == null) {
            return List.of();
        }
        if (previous != null) {
            pictures.put(id, previous);
            if (now.equals(value(list, pictures))) {
                return List.of();
            }
        }
        return List.of(new ListEvent(ListEvent.PUBLISHED, list.slug(), now, headers(list.slug())));
    }

    /** The events of deleting {@code list}: a tombstone when it was live. */
    public List<ListEvent> removed(FeaturedList list) {
        return list.live() == null ? List.of() : List.of(new ListEvent(ListEvent.UNPUBLISHED, list.slug(), null, headers(list.slug())));
    }

    /** The CDN keys every list event makes wrong (libs/common SurrogateKeys, as the gateway files list answers). */
    private static Map<String, String> headers(String slug) {
        return Map.of("cms-surrogate-keys", SurrogateKeys.list(slug) + " " + SurrogateKeys.LISTS);
    }

    /** The library pictures the live versions of {@code lists} show. */
    private static Set<UUID> livePictures(FeaturedList... lists) {
        Set<UUID> ids = new HashSet<>();
        for (FeaturedList list : lists) {
            if (list.live() != null) {
                list.live().items().stream().map(Item::picture).filter(Objects::nonNull).forEach(ids::add);
            }
        }
        return ids;
    }

    private String value(FeaturedList list, Map<UUID, JsonNode> pictures) {
        var published = ListMapper.published(list, pictures);
        if (published == null) {
            return null;
        }
        try {
            return json.writeValueAsString(published);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("List " + list.slug() + " cannot be written as JSON", e);
        }
    }
}
