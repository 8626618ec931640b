package io.newsroom.cms.curation.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.newsroom.cms.curation.config.CurationConfig;
import io.newsroom.cms.curation.domain.FeaturedList;
import io.newsroom.cms.curation.domain.FeaturedList.*;
import io.newsroom.cms.curation.domain.ListEvent;
import io.newsroom.cms.outbox.DocumentOutbox;
import io.newsroom.cms.outbox.Outbox;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Featured lists in the {@code lists} collection. Only operations every MongoDB supports: find, insert, and an
 * {@code updateOne} whose filter includes the document revision read before — a single-document atomic
 * compare-and-set, so concurrent writers never lose each other's changes and no transaction is needed. The update sets
 * every field of the list and pushes the events of the change onto the document's outbox ({@link ListOutbox}): a
 * replace would also rewrite the waiting events, and could bring back one the relay had just sent and pulled.
 */
@ApplicationScoped
public class FeaturedListRepository {
    @Inject
    MongoClient mongo;

    @Inject
    CurationConfig config;

    @Inject
    ListOutbox outbox;

    /** The collection of the lists. */
    static final String COLLECTION = "lists";

    /** A list's own document: not one a deleted list left behind for its last events ({@link #delete}). */
    private static final Bson NOT_DELETED = Filters.ne(DocumentOutbox.DELETED, true);

    /** Indexes are created explicitly at start-up (idempotent). */
    void createIndexes(@Observes StartupEvent event) {
        collection().createIndex(Indexes.ascending("slug"), new IndexOptions().unique(true).name("slug_unique"));
        collection().createIndex(Indexes.ascending("scheduledPublishAt"), new IndexOptions().name("scheduled_publish"));
    }

    MongoCollection<Document> collection() {
        return mongo.getDatabase(config.database()).getCollection(COLLECTION);
    }

    public Optional<FeaturedList> find(String slug) {
        return Optional.ofNullable(collection().find(Filters.and(Filters.eq("slug", slug), NOT_DELETED)).first())
                .map(FeaturedListRepository::fromDocument);
    }

    public List<FeaturedList> all() {
        List<FeaturedList> lists = new ArrayList<>();
        collection().find(NOT_DELETED).sort(Sorts.ascending("slug")).forEach(d -> lists.add(fromDocument(d)));
        return lists;
    }

    /** A list whose scheduled publish is due: read, or {@code unreadable} when its document cannot be read. */
    public record Due(String id, String slug, FeaturedList list, RuntimeException unreadable) {
    }

    /**
     * Lists due to be published at {@code now}, leaving out those waiting for a retry after a failed attempt. A document
     * that cannot be read is handed back as such, so one bad document never stops the others.
     */
    public List<Due> dueForPublish(Instant now, int limit) {
        List<Due> due = new ArrayList<>();
        Bson notBackingOff = Filters.or(Filters.exists(SCHEDULE_RETRY_AT, false), Filters.lte(SCHEDULE_RETRY_AT, Date.from(now)));
        collection().find(Filters.and(Filters.lte("scheduledPublishAt", Date.from(now)), notBackingOff, NOT_DELETED))
                .sort(Sorts.ascending("scheduledPublishAt")).limit(limit).forEach(d -> {
                    Object slug = d.get("slug");
                    try {
                        due.add(new Due(String.valueOf(d.get("_id")), String.valueOf(slug), fromDocument(d), null));
                    } catch (RuntimeException e) {
                        due.add(new Due(String.valueOf(d.get("_id")), String.valueOf(slug), null, e));
                    }
                });
        return due;
    }

    /**
     * Lists scheduled to publish from {@code from} (inclusive) to {@code to} (exclusive), by time, at most {@code limit}
     * (the {@code scheduled_publish} index). A document that cannot be read is left out: the scheduler records it.
     */
    public List<FeaturedList> scheduledBetween(Instant from, Instant to, int limit) {
        List<FeaturedList> lists = new ArrayList<>();
        collection().find(Filters.and(Filters.gte("scheduledPublishAt", Date.from(from)), Filters.lt("scheduledPublishAt", Date.from(to)),
                        NOT_DELETED))
                .sort(Sorts.ascending("scheduledPublishAt", "slug")).limit(limit).forEach(d -> {
                    try {
                        lists.add(fromDocument(d));
                    } catch (RuntimeException e) {
                        // unreadable: the scheduler's failure record and backoff say so; the calendar shows the others
                    }
                });
        return lists;
    }

    /**
     * The lists whose live version shows library picture {@code mediaId} on an item. No index: it is asked only when a
     * picture a list took changes in the library, and the lists are few.
     */
    public List<FeaturedList> showingLive(UUID mediaId) {
        List<FeaturedList> lists = new ArrayList<>();
        collection().find(Filters.and(Filters.eq("live.items.overrides.image.mediaId", mediaId.toString()), NOT_DELETED))
                .forEach(d -> lists.add(fromDocument(d)));
        return lists;
    }

    /**
     * Appends {@code events} to the list's outbox without changing the list, if nobody changed it since it was read: what
     * readers see of it changed elsewhere (a library picture it shows). The revision moves on, so that a writer who read
     * the list before sends its own events from fresh data.
     */
    public boolean republish(FeaturedList read, List<ListEvent> events) {
        return write(read, Filters.empty(), new ArrayList<>(List.of(Updates.set("docRevision", read.docRevision() + 1))), events);
    }

    /**
     * Records a failed scheduled publish on the list's document: how many attempts failed and when to try again. Any
     * replace of the document (a curator's edit, a new schedule, the publish itself) starts over without them.
     */
    public void recordScheduleFailure(String id, Instant retryAt, AuditEntry entry) {
        collection().updateOne(Filters.eq("_id", id), Updates.combine(Updates.inc(SCHEDULE_FAILURES, 1),
                Updates.set(SCHEDULE_RETRY_AT, Date.from(retryAt))));
        try {
            collection().updateOne(Filters.eq("_id", id), Updates.push("audit", audit(entry)));
        } catch (RuntimeException e) {
            // a document too broken to take an audit entry still has its retry time
        }
    }

    /** Failed scheduled-publish attempts recorded on the document (0 when none). */
    public int scheduleFailures(String id) {
        Document d = collection().find(Filters.eq("_id", id)).first();
        Object value = d == null ? null : d.get(SCHEDULE_FAILURES);
        return value instanceof Number n ? n.intValue() : 0;
    }

    private static final String SCHEDULE_FAILURES = "scheduleFailures";
    private static final String SCHEDULE_RETRY_AT = "scheduleRetryAt";

    /** Inserts a new list; false when the slug is taken (unique index). */
    public boolean insert(FeaturedList list) {
        try {
            collection().insertOne(toDocument(list, 1));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Replaces the list with {@code updated} and appends {@code events} to its outbox, in one write, if nobody changed it
     * since it was read and {@code condition} holds; false means someone did (read again). A failed scheduled publish's
     * retry state goes: the next attempt starts over.
     */
    public boolean replace(FeaturedList read, FeaturedList updated, Bson condition, List<ListEvent> events) {
        List<Bson> update = new ArrayList<>();
        toDocument(updated, read.docRevision() + 1).forEach((field, value) -> {
            if (!field.equals("_id")) {
                update.add(Updates.set(field, value));
            }
        });
        update.add(Updates.unset(SCHEDULE_FAILURES));
        update.add(Updates.unset(SCHEDULE_RETRY_AT));
        return write(read, condition, update, events);
    }

    /**
     * Deletes the list if nobody changed it since it was read. With {@code events} (the tombstone of a list readers could
     * see) the document stays until the relay sent them, marked deleted and out of every read, its slug moved aside so
     * that a new list may take it at once.
     */
    public boolean delete(FeaturedList read, List<ListEvent> events) {
        if (events.isEmpty()) {
            return collection().deleteOne(current(read, Filters.empty())).getDeletedCount() == 1;
        }
        return write(read, Filters.empty(), new ArrayList<>(List.of(Updates.set(DocumentOutbox.DELETED, true),
                Updates.set("slug", "deleted:" + read.id()), Updates.unset("scheduledPublishAt"),
                Updates.set("docRevision", read.docRevision() + 1))), events);
    }

    private boolean write(FeaturedList read, Bson condition, List<Bson> update, List<ListEvent> events) {
        if (!events.isEmpty()) {
            update.add(DocumentOutbox.push(events.stream().map(outbox::event).toList()));
        }
        boolean written = collection().updateOne(current(read, condition), Updates.combine(update)).getModifiedCount() == 1;
        if (written && !events.isEmpty()) {
            Outbox.wake(); // no transaction to wait for: the update is the commit
        }
        return written;
    }

    /** The document as it was read, if it still is (its revision), and {@code condition}. */
    private static Bson current(FeaturedList read, Bson condition) {
        return Filters.and(Filters.eq("_id", read.id()), Filters.eq("docRevision", read.docRevision()), NOT_DELETED, condition);
    }

    // --- mapping (explicit: what is stored is exactly what is written here) ---

    static Document toDocument(FeaturedList l, long docRevision) {
        return new Document("_id", l.id()).append("slug", l.slug()).append("title", l.title())
                .append("description", l.description()).append("maxItems", l.maxItems()).append("version", l.version())
                .append("draft", new Document("version", l.draft().version()).append("items", items(l.draft().items()))
                        .append("updatedAt", date(l.draft().updatedAt())).append("updatedBy", l.draft().updatedBy()))
                .append("live", live(l.live()))
                .append("scheduledPublishAt", date(l.scheduledPublishAt())).append("scheduledBy", l.scheduledBy())
                .append("revisions", l.revisions().stream().map(FeaturedListRepository::live).toList())
                .append("audit", l.audit().stream().map(FeaturedListRepository::audit).toList())
                .append("createdAt", date(l.createdAt())).append("createdBy", l.createdBy())
                .append("docRevision", docRevision);
    }

    static FeaturedList fromDocument(Document d) {
        Document draft = d.get("draft", Document.class);
        return new FeaturedList(d.getString("_id"), d.getString("slug"), d.getString("title"), d.getString("description"),
                d.getInteger("maxItems"), number(d, "version"),
                new Draft(number(draft, "version"), itemsOf(draft.getList("items", Document.class)), instant(draft, "updatedAt"),
                        draft.getString("updatedBy")),
                liveOf(d.get("live", Document.class)), instant(d, "scheduledPublishAt"), d.getString("scheduledBy"),
                d.getList("revisions", Document.class, List.of()).stream().map(FeaturedListRepository::liveOf).toList(),
                d.getList("audit", Document.class, List.of()).stream().map(a -> new AuditEntry(instant(a, "at"),
                        a.getString("actor"), a.getString("action"), uuid(a.getString("articleId")), a.getString("detail"))).toList(),
                instant(d, "createdAt"), d.getString("createdBy"), number(d, "docRevision"));
    }

    private static Document audit(AuditEntry a) {
        return new Document("at", date(a.at())).append("actor", a.actor()).append("action", a.action())
                .append("articleId", str(a.articleId())).append("detail", a.detail());
    }

    private static Document live(Live live) {
        return live == null ? null : new Document("revision", live.revision()).append("items", items(live.items()))
                .append("publishedAt", date(live.publishedAt())).append("publishedBy", live.publishedBy());
    }

    private static Live liveOf(Document d) {
        return d == null ? null : new Live(d.getInteger("revision"), itemsOf(d.getList("items", Document.class)),
                instant(d, "publishedAt"), d.getString("publishedBy"));
    }

    private static List<Document> items(List<Item> items) {
        return items.stream().map(i -> {
            Document doc = new Document("articleId", i.articleId().toString()).append("addedBy", i.addedBy())
                    .append("addedAt", date(i.addedAt()));
            if (i.overrides() != null) {
                Overrides o = i.overrides();
                doc.append("overrides", new Document("headline", o.headline()).append("summary", o.summary())
                        .append("image", o.image() == null ? null : new Document("url", o.image().url()).append("alt", o.image().alt())
                                .append("mediaId", str(o.image().mediaId()))));
            }
            if (i.window() != null) {
                doc.append("window", new Document("from", date(i.window().from())).append("until", date(i.window().until())));
            }
            return doc;
        }).toList();
    }

    private static List<Item> itemsOf(List<Document> docs) {
        if (docs == null) {
            return List.of();
        }
        return docs.stream().map(d -> {
            Document o = d.get("overrides", Document.class);
            Overrides overrides = null;
            if (o != null) {
                Document image = o.get("image", Document.class);
                overrides = new Overrides(o.getString("headline"), o.getString("summary"),
                        image == null ? null : new Image(image.getString("url"), image.getString("alt"), uuid(image.getString("mediaId"))));
            }
            Document w = d.get("window", Document.class);
            Window window = w == null ? null : new Window(instant(w, "from"), instant(w, "until"));
            return new Item(UUID.fromString(d.getString("articleId")), overrides, window, d.getString("addedBy"), instant(d, "addedAt"));
        }).toList();
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document d, String key) {
        Date date = d.getDate(key);
        return date == null ? null : date.toInstant();
    }

    private static long number(Document d, String key) {
        Object value = d.get(key);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }

    private static UUID uuid(String s) {
        return s == null ? null : UUID.fromString(s);
    }
}
