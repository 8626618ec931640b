package io.newsroom.cms.authors.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsroom.cms.pictures.PictureUsageApi.Usage;
import io.newsroom.cms.pictures.PictureUsages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.UUID;

/**
 * Avatars from the media library: an author who takes a picture reports it to the media service (so the picture
 * cannot be deleted while a profile shows it, and the library lists the author among its usages) and gets what readers
 * are to see of it, for the copy here. Never inside a transaction: a slow media service must not hold an author's row
 * lock. An unknown picture is a 400 at {@code avatar.mediaId}, the media service down or slow a 503 problem
 * ({@link PictureUsages}): the author is not saved.
 */
@ApplicationScoped
public class MediaClient {
    public static final String FIELD = "avatar.mediaId";
    private static final String KIND = "author";

    @Inject
    PictureUsages usages;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Records that author {@code authorId} ("{@code name}") shows picture {@code mediaId}; its public view. */
    public JsonNode use(UUID authorId, UUID mediaId, String name) {
        requireNoTransaction("media: report an avatar's usage");
        return usages.use(new Usage(KIND, authorId.toString(), name), mediaId, FIELD, "avatar picture");
    }

    /** Tells the media service the author no longer shows the picture (best effort, see {@link PictureUsages#release}). */
    public void release(UUID authorId, UUID mediaId) {
        requireNoTransaction("media: withdraw an avatar's usage");
        usages.release(KIND, authorId.toString(), mediaId);
    }

    private void requireNoTransaction(String call) {
        if (transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            throw new IllegalStateException("Remote call '" + call + "' inside a transaction: make remote calls before"
                    + " or after the transaction, never while it may hold a row lock");
        }
    }
}
