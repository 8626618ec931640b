package io.newsroom.cms.curation.service;

import com.mongodb.client.model.Filters;
import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.ProblemType;
import io.newsroom.cms.curation.domain.FeaturedList;
import io.newsroom.cms.curation.domain.FeaturedList.AuditEntry;
import io.newsroom.cms.curation.repository.FeaturedListRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * How every change of a list is written: read the list, compute the new state, replace the document only if nobody
 * changed it in between (a compare-and-set on the document); a lost race is retried on fresh data, where the change
 * checks the caller's If-Match again. Every change leaves an audit entry, and the events it causes
 * ({@link ListEvents}) are written by the same single-document write (the lists' outbox).
 */
@ApplicationScoped
public class ListWrites {
    private static final int KEEP_AUDIT = 500;

    @Inject
    FeaturedListRepository repository;

    @Inject
    ListEvents events;

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

    /** Replaces {@code read} by {@code updated} with the events of the change, if nobody changed it since and {@code condition} holds. */
    boolean replace(FeaturedList read, FeaturedList updated, Bson condition) {
        return repository.replace(read, updated, condition, events.changed(read, updated));
    }

    /** Deletes {@code read} if nobody changed it since; readers could see it: its tombstone waits in its place. */
    boolean delete(FeaturedList read) {
        return repository.delete(read, events.removed(read));
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
