package io.newsroom.cms.curation.service;

import com.mongodb.client.model.Filters;
import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.ProblemType;
import io.newsroom.cms.curation.domain.FeaturedList;
import io.newsroom.cms.curation.domain.FeaturedList.AuditEntry;
import io.newsroom.cms.curation.domain.ListEvent;
import io.newsroom.cms.curation.repository.FeaturedListRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * How every change of a list is written: read the list, compute the new state, replace the document only if nobody
 * changed it in between (a compare-and-set on the document); a lost race is retried on fresh data, where the change
 * checks the caller's If-Match again. Every change leaves an audit entry, and the events it causes
 * ({@link ListEvents}) are written by the same single-document write (the lists' outbox). After it, the library
 * pictures the change took off the list are given back ({@link ListPictures#settle}).
 */
@ApplicationScoped
public class ListWrites {
    private static final int KEEP_AUDIT = 500;

    @Inject
    FeaturedListRepository repository;

    @Inject
    ListEvents events;

    @Inject
    ListPictures pictures;

    public FeaturedList get(String slug) {
        return repository.find(slug).orElseThrow(() -> ProblemException.notFound("List '" + slug + "'"));
    }

    /** Read, change, compare-and-set; retried on fresh data when someone else wrote in between. */
    public FeaturedList write(String slug, UnaryOperator<FeaturedList> change) {
        for (int attempt = 0; attempt < 5; attempt++) {
            FeaturedList read = get(slug);
            FeaturedList updated = change.apply(read);
            if (replace(read, updated, Filters.empty())) {
                return get(slug);
            }
        }
        throw new ProblemException(ProblemType.CONFLICT, "The list is being changed by others right now; try again");
    }

    /**
     * Replaces {@code read} by {@code updated} with the events of the change, if nobody changed it since and
     * {@code condition} holds; then withdraws the usages of library pictures no version of it shows any more.
     */
    boolean replace(FeaturedList read, FeaturedList updated, Bson condition) {
        if (!repository.replace(read, updated, condition, events.changed(read, updated))) {
            return false;
        }
        pictures.settle(read, updated);
        return true;
    }

    /**
     * Deletes {@code read} if nobody changed it since; readers could see it: its tombstone waits in its place. Then the
     * usages of library pictures it may hold are withdrawn.
     */
    boolean delete(FeaturedList read) {
        if (!repository.delete(read, events.removed(read))) {
            return false;
        }
        pictures.deleted(read);
        return true;
    }

    /**
     * Sends the live list {@code slug} again, unchanged, with the events {@code change} finds (none: nothing to send):
     * what readers see of it changed elsewhere (a library picture it shows). Retried on fresh data like any write;
     * false when the list is gone or there was nothing to send.
     */
    public boolean republish(String slug, Function<FeaturedList, List<ListEvent>> change) {
        for (int attempt = 0; attempt < 5; attempt++) {
            FeaturedList read = repository.find(slug).orElse(null);
            if (read == null) {
                return false;
            }
            List<ListEvent> sent = change.apply(read);
            if (sent.isEmpty()) {
                return false;
            }
            if (repository.republish(read, sent)) {
                return true;
            }
        }
        throw new IllegalStateException("List " + slug + " is being changed by others right now; its events were not sent");
    }

    static FeaturedList audit(FeaturedList list, String actor, String action, UUID articleId, String detail) {
        return list.withAudit(append(list.audit(), new AuditEntry(now(), actor, action, articleId, detail)));
    }

    /** The audit trail with {@code entry} added, the oldest entries dropped beyond the last {@value #KEEP_AUDIT}. */
    static List<AuditEntry> append(List<AuditEntry> audit, AuditEntry entry) {
        List<AuditEntry> next = new ArrayList<>(audit);
        next.add(entry);
        return List.copyOf(next.size() > KEEP_AUDIT ? next.subList(next.size() - KEEP_AUDIT, next.size()) : next);
    }

    /** Millisecond precision: what the store keeps, so an answer shows the same time before and after a reload. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
