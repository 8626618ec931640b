package io.newsroom.cms.curation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.cms.common.http.SurrogateKeys;
import io.newsroom.cms.curation.domain.FeaturedList;
import io.newsroom.cms.curation.domain.ListEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/**
 * Which events a change of a list causes, decided in one place for every write: {@code list.published} with the live
 * list ({@link ListMapper#published}) whenever that JSON changes (publish now, a due scheduled publish, a rollback, a
 * new title or description of a live list; nothing for drafts, schedules or lists never published), and a
 * {@code list.unpublished} tombstone when a list readers could see goes away.
 */
@ApplicationScoped
public class ListEvents {
    @Inject
    ObjectMapper json;

    /** The events of the change from {@code before} to {@code after}: none when readers see the same list. */
    public List<ListEvent> changed(FeaturedList before, FeaturedList after) {
        String now = value(after);
        if (now == null || now.equals(value(before))) {
            return List.of();
        }
        return List.of(new ListEvent(ListEvent.PUBLISHED, after.slug(), now, headers(after.slug())));
    }

    /** The events of deleting {@code list}: a tombstone when it was live. */
    public List<ListEvent> removed(FeaturedList list) {
        return list.live() == null ? List.of() : List.of(new ListEvent(ListEvent.UNPUBLISHED, list.slug(), null, headers(list.slug())));
    }

    /** The CDN keys every list event makes wrong (libs/common SurrogateKeys, as the gateway files list answers). */
    private static Map<String, String> headers(String slug) {
        return Map.of("cms-surrogate-keys", SurrogateKeys.list(slug) + " " + SurrogateKeys.LISTS);
    }

    private String value(FeaturedList list) {
        var published = ListMapper.published(list);
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
