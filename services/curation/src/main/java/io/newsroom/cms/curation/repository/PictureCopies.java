package io.newsroom.cms.curation.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.newsroom.cms.curation.config.CurationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A copy of what readers see of each media library picture a list item shows ({@code media_pictures}, one document
 * per picture): the media service's public view of it, as JSON. Lists are resolved from it, so a read never asks the
 * media service. How current: a picture is copied from the usage answer when a list item takes it, then from the media
 * service's events ({@code cms.media.pictures}). A copy is only replaced by a newer one ({@code updatedAt}, kept in
 * nanoseconds: a millisecond date would take the same version again as newer), so a late or replayed event changes
 * nothing.
 * <p>
 * Replacing a copy leaves it {@code pending} with the picture it replaced ({@code previous}) until the live lists that
 * show it were told ({@link #told}): whoever finds a pending copy (the next event of the picture, its replay after a
 * crash) tells them, so no change is lost between the two writes, with or without transactions.
 */
@ApplicationScoped
public class PictureCopies {
    static final String COLLECTION = "media_pictures";

    @Inject
    MongoClient mongo;

    @Inject
    CurationConfig config;

    @Inject
    ObjectMapper json;

    /** A picture as copied here; {@code previous} is what the lists were last told of it while {@code pending}. */
    public record Copy(UUID id, JsonNode picture, long version, JsonNode previous, boolean pending) {
    }

    MongoCollection<Document> collection() {
        return mongo.getDatabase(config.database()).getCollection(COLLECTION);
    }

    /** Keeps {@code picture} (the media service's public view, a usage answer) unless a copy as new is here; the copy now. */
    public Copy remember(JsonNode picture) {
        return keep(picture, true).orElseThrow();
    }

    /** Replaces the copy of a picture taken here by {@code picture} if it is newer; empty when no list took the picture. */
    public Optional<Copy> update(JsonNode picture) {
        return keep(picture, false);
    }

    /** The lists showing the picture were told of copy version {@code version}: it is no longer pending. */
    public void told(UUID id, long version) {
        collection().updateOne(Filters.and(Filters.eq("_id", id.toString()), Filters.eq("version", version)),
                Updates.combine(Updates.set("pending", false), Updates.unset("previous")));
    }

    /** Forgets a deleted picture (the library deletes only pictures nothing uses). */
    public void forget(UUID id) {
        collection().deleteOne(Filters.eq("_id", id.toString()));
    }

    public Optional<Copy> find(UUID id) {
        return Optional.ofNullable(collection().find(Filters.eq("_id", id.toString())).first()).map(this::copyOf);
    }

    /** The copies of {@code ids} (one query), by id; a picture never copied is absent. */
    public Map<UUID, JsonNode> pictures(Collection<UUID> ids) {
        Map<UUID, JsonNode> pictures = new HashMap<>();
        if (ids.isEmpty()) {
            return pictures;
        }
        collection().find(Filters.in("_id", ids.stream().map(UUID::toString).distinct().toList()))
                .forEach(d -> pictures.put(UUID.fromString(d.getString("_id")), read(d.getString("picture"))));
        return pictures;
    }

    /** The version a picture's {@code updatedAt} stands for: nanoseconds since the epoch. */
    public static long version(JsonNode picture) {
        Instant at = Instant.parse(picture.path("updatedAt").asText());
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
    }

    /**
     * A compare-and-set on the copy's version: of two writers with different versions the newer stays, whichever
     * writes last; a lost race is retried on fresh data.
     */
    private Optional<Copy> keep(JsonNode picture, boolean insert) {
        UUID id = UUID.fromString(picture.path("id").asText());
        long version = version(picture);
        for (int attempt = 0; attempt < 5; attempt++) {
            Document held = collection().find(Filters.eq("_id", id.toString())).first();
            if (held == null) {
                if (!insert) {
                    return Optional.empty();
                }
                try {
                    collection().insertOne(new Document("_id", id.toString()).append("picture", picture.toString())
                            .append("version", version).append("updatedAt", Date.from(Instant.parse(picture.path("updatedAt").asText())))
                            .append("pending", false));
                    return Optional.of(new Copy(id, picture, version, null, false));
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    continue; // copied by someone else meanwhile: compare with theirs
                }
            }
            Copy copy = copyOf(held);
            if (copy.version() >= version) {
                return Optional.of(copy);
            }
            // the lists were last told of the oldest picture not told yet
            JsonNode previous = copy.pending() ? copy.previous() : copy.picture();
            boolean replaced = collection().updateOne(Filters.and(Filters.eq("_id", id.toString()), Filters.eq("version", copy.version())),
                    Updates.combine(Updates.set("picture", picture.toString()), Updates.set("version", version),
                            Updates.set("updatedAt", Date.from(Instant.parse(picture.path("updatedAt").asText()))),
                            Updates.set("previous", previous == null ? null : previous.toString()), Updates.set("pending", true)))
                    .getModifiedCount() == 1;
            if (replaced) {
                return Optional.of(new Copy(id, picture, version, previous, true));
            }
        }
        throw new IllegalStateException("The copy of picture " + id + " keeps changing; try again");
    }

    private Copy copyOf(Document d) {
        Object version = d.get("version");
        String previous = d.getString("previous");
        return new Copy(UUID.fromString(d.getString("_id")), read(d.getString("picture")),
                version == null ? 0 : ((Number) version).longValue(), previous == null ? null : read(previous),
                Boolean.TRUE.equals(d.getBoolean("pending")));
    }

    private JsonNode read(String stored) {
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored picture copy is not JSON", e);
        }
    }
}
