package io.newsroom.cms.curation.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsroom.cms.pictures.PictureUsageApi.Usage;
import io.newsroom.cms.pictures.PictureUsages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * Library pictures on list items: an item that takes a picture reports it to the media service (so the picture cannot
 * be deleted while a list shows it) and gets what readers are to see of it, for the copy here. Each item of each list
 * is one usage ({@code <list id>:<article id>}: the id, not the slug, which a new list may take after a delete),
 * named for people in the media library as {@code <list title>: <headline>}. Short timeouts and a circuit breaker
 * ({@link PictureUsages}); an unknown picture is a 400 at the request's field, the media service down or slow a 503
 * problem: the caller writes nothing.
 */
@ApplicationScoped
public class MediaClient {
    private static final String KIND = "list-item";
    private static final int LABEL_MAX = 300;

    @Inject
    PictureUsages usages;

    /** Records that item {@code articleId} of list {@code listId} ("{@code label}") shows picture {@code mediaId}; its public view. */
    public JsonNode use(String listId, UUID articleId, UUID mediaId, String label, String field) {
        String name = label.length() > LABEL_MAX ? label.substring(0, LABEL_MAX - 1) + "…" : label;
        return usages.use(new Usage(KIND, ref(listId, articleId), name), mediaId, field, "list item picture");
    }

    /** Tells the media service the item no longer shows the picture (best effort, see {@link PictureUsages#release}). */
    public void release(String listId, UUID articleId, UUID mediaId) {
        usages.release(KIND, ref(listId, articleId), mediaId);
    }

    private static String ref(String listId, UUID articleId) {
        return listId + ":" + articleId;
    }
}
