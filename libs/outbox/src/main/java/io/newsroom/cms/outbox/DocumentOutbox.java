package io.newsroom.cms.outbox;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The outbox of a MongoDB part, without multi-document transactions: the events a change causes are pushed onto an
 * array ({@value #FIELD}) of the changed document by the same single-document update that makes the change
 * ({@link #push}), so an event exists exactly when its change does. The relay finds the documents with waiting events,
 * sends those events oldest first and then {@code $pull}s exactly the sent ones by id, so events pushed meanwhile stay.
 *
 * <p>Event ids come from one counter per collection (collection {@code counters}), taken after the change read the
 * document and before its compare-and-set write: a later change of the same document (or of a document that took over
 * its key, which can only exist after the first one let go of it) takes a higher id, so ids increase per key in the
 * order the changes were made, and the relay sends in id order across documents.
 *
 * <p>A document whose events must outlive it is not deleted but {@linkplain #DELETED marked}: the part leaves it out of
 * every read, and the relay deletes it once its last event is acknowledged.
 *
 * <p>One replica relays at a time, the holder of a lease (collection {@code locks}: owner and expiry, taken with a
 * conditional {@code findOneAndUpdate} and renewed before it could run out during a send). A replica killed while
 * holding it delays the events by the lease's length at most ({@code send-timeout} + 10 s).
 */
public final class DocumentOutbox implements OutboxStore {
    /** The array of waiting events in each document. */
    public static final String FIELD = "outbox";
    /** {@code true} on a document that only waits for its events to be sent; the part's reads leave it out. */
    public static final String DELETED = "deleted";
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(10);
    /** More than a batch needs beyond {@code send-timeout}: the broker check (1.5 s at most) and the acknowledgements' wait. */
    private static final Duration RENEW_BEFORE = Duration.ofSeconds(5);

    private final MongoCollection<Document> documents;
    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> locks;
    private final String name;
    private final String owner = UUID.randomUUID().toString();
    private volatile Instant heldUntil;

    /** The outbox of the documents of {@code collection}: its counter and lease are named after it. */
    public DocumentOutbox(MongoDatabase database, String collection) {
        this.documents = database.getCollection(collection);
        this.counters = database.getCollection("counters");
        this.locks = database.getCollection("locks");
        this.name = "outbox:" + collection;
    }

    /** The index the relay finds waiting events with (idempotent; call it at start-up). */
    public void createIndexes() {
        documents.createIndex(Indexes.ascending(FIELD + ".id"), new IndexOptions().name("outbox_waiting"));
    }

    /** A new event, with the next event id, as an element for {@link #push}. {@code payload} null: a tombstone. */
    public Document event(String stream, String key, String type, String payload, Map<String, String> headers) {
        return new Document("id", nextId()).append("stream", stream).append("key", key).append("type", type)
                .append("payload", payload).append("headers", stored(headers)).append("at", new Date());
    }

    private static Document stored(Map<String, String> headers) {
        Document document = new Document();
        headers.forEach(document::append);
        return document;
    }

    /** The part of a document's update that appends {@code events}: combine it with the change's own update. */
    public static Bson push(List<Document> events) {
        return Updates.pushEach(FIELD, events);
    }

    private long nextId() {
        FindOneAndUpdateOptions upsert = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
        for (int attempt = 0; ; attempt++) {
            try {
                return counters.findOneAndUpdate(Filters.eq("_id", name), Updates.inc("seq", 1L), upsert).get("seq", Number.class).longValue();
            } catch (MongoServerException e) {
                if (attempt > 0 || !duplicateKey(e)) {
                    throw e;
                }
                // two first events raced to create the counter: it exists now
            }
        }
    }

    @Override
    public int relay(RelaySettings settings, Consumer<List<PendingEvent>> send) {
        if (!holdLease(settings.sendTimeout())) {
            return 0;
        }
        List<Waiting> waiting = new ArrayList<>();
        Map<Object, Boolean> deleted = new HashMap<>();
        for (Document document : waitingDocuments()) {
            deleted.put(document.get("_id"), Boolean.TRUE.equals(document.getBoolean(DELETED)));
            for (Document event : document.getList(FIELD, Document.class)) {
                waiting.add(new Waiting(document.get("_id"), pending(event)));
            }
        }
        if (waiting.isEmpty()) {
            return 0;
        }
        List<Waiting> batch = waiting.stream().sorted(Comparator.comparingLong(w -> w.event().id())).limit(settings.batchSize()).toList();
        send.accept(batch.stream().map(Waiting::event).toList());
        Map<Object, List<Long>> sent = new LinkedHashMap<>();
        batch.forEach(w -> sent.computeIfAbsent(w.documentId(), id -> new ArrayList<>()).add(w.event().id()));
        sent.forEach((id, ids) -> {
            documents.updateOne(Filters.eq("_id", id), Updates.pull(FIELD, Filters.in("id", ids)));
            if (deleted.get(id)) {
                documents.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq(DELETED, true), Filters.size(FIELD, 0)));
            }
        });
        return batch.size();
    }

    private record Waiting(Object documentId, PendingEvent event) {
    }

    @Override
    public long waiting() {
        long count = 0;
        for (Document document : waitingDocuments()) {
            count += document.getList(FIELD, Document.class).size();
        }
        return count;
    }

    /** The documents with waiting events, their events only (event ids are positive: the index finds them). */
    private List<Document> waitingDocuments() {
        return documents.find(Filters.gt(FIELD + ".id", 0L)).projection(Projections.include(FIELD, DELETED)).into(new ArrayList<>());
    }

    private static PendingEvent pending(Document event) {
        Map<String, String> headers = new LinkedHashMap<>();
        Document stored = event.get("headers", Document.class);
        if (stored != null) {
            stored.forEach((header, value) -> headers.put(header, String.valueOf(value)));
        }
        return new PendingEvent(event.get("id", Number.class).longValue(), event.getString("stream"), event.getString("key"),
                event.getString("type"), event.getString("payload"), headers, event.getDate("at").toInstant());
    }

    /**
     * Whether this replica holds the lease, taking or renewing it when needed: a held lease is renewed once less than
     * a send and a margin remain, so it never runs out while a batch is on its way.
     */
    private boolean holdLease(Duration sendTimeout) {
        Instant now = Instant.now();
        Instant held = heldUntil;
        if (held != null && now.plus(sendTimeout).plus(RENEW_BEFORE).isBefore(held)) {
            return true;
        }
        Document current = locks.find(Filters.eq("_id", name)).first();
        if (current != null && !owner.equals(current.getString("owner")) && current.getDate("expiresAt").toInstant().isAfter(now)) {
            heldUntil = null;
            return false;
        }
        Instant until = now.plus(sendTimeout).plus(LEASE_MARGIN);
        try {
            locks.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", name), Filters.or(Filters.eq("owner", owner), Filters.lt("expiresAt", Date.from(now)))),
                    Updates.combine(Updates.set("owner", owner), Updates.set("expiresAt", Date.from(until))),
                    new FindOneAndUpdateOptions().upsert(true));
            heldUntil = until;
            return true;
        } catch (MongoServerException e) {
            if (!duplicateKey(e)) {
                throw e;
            }
            heldUntil = null; // another replica took it first
            return false;
        }
    }

    @Override
    public void release() {
        heldUntil = null;
        locks.deleteOne(Filters.and(Filters.eq("_id", name), Filters.eq("owner", owner)));
    }

    private static boolean duplicateKey(MongoServerException e) {
        return e instanceof MongoWriteException w ? w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                : e instanceof MongoCommandException && ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
