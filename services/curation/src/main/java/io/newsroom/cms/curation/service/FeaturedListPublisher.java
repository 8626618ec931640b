package io.newsroom.cms.curation.service;

import com.mongodb.client.model.Filters;
import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.ProblemType;
import io.newsroom.cms.common.problem.Versions;
import io.newsroom.cms.curation.domain.FeaturedList;
import io.newsroom.cms.curation.domain.FeaturedList.Item;
import io.newsroom.cms.curation.domain.FeaturedList.Live;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Making a list's draft live: now, at a time (scheduled), or an earlier revision again (rollback). */
@ApplicationScoped
public class FeaturedListPublisher {
    private static final int KEEP_REVISIONS = 20;

    @Inject
    ListWrites writes;

    @Inject
    ListPictures pictures;

    /**
     * Publishes the draft now ({@code at} null), or schedules it for {@code at}, which must be in the future: a time
     * already past (a stale form, a skewed clock, a drop on yesterday) is a 400 at {@code at}, never a publish at once,
     * as for articles. {@code expectedDraft}: the draft's ETag.
     */
    public FeaturedList publish(String slug, long expectedDraft, Instant at, String actor) {
        Instant now = ListWrites.now();
        if (at != null && !at.isAfter(now)) {
            throw ProblemException.invalid("at", "must be a time in the future to schedule publishing (leave it out to publish now)");
        }
        if (at != null) {
            Instant when = at.truncatedTo(ChronoUnit.MILLIS);
            return writes.write(slug, list -> {
                Versions.requireCurrent(expectedDraft, list.draft().version());
                return ListWrites.audit(list.withSchedule(when, actor), actor, "schedule", null, "publish at " + when);
            });
        }
        return writes.write(slug, list -> {
            Versions.requireCurrent(expectedDraft, list.draft().version());
            return ListWrites.audit(goLive(list, list.draft().items(), actor, now), actor, "publish", null,
                    "revision " + list.nextRevision() + " with " + list.draft().items().size() + " items");
        });
    }

    /**
     * Cancels the scheduled publish; {@code expectedVersion} is the list's ETag (scheduling moved it on). Nothing
     * scheduled is a 409, whether nothing ever was or the scheduler published it first: of a cancel and a due run, the
     * compare-and-set on the document lets exactly one through (the run's replace names the document revision it read,
     * which the cancel moves on; a cancel that lost reads the list again and finds nothing scheduled).
     */
    public FeaturedList cancelSchedule(String slug, long expectedVersion, String actor) {
        return writes.write(slug, list -> {
            if (list.scheduledPublishAt() == null) {
                ProblemException nothing = new ProblemException(ProblemType.CONFLICT, nothingScheduled(list));
                throw list.live() == null ? nothing : nothing.with("liveRevision", list.live().revision());
            }
            Versions.requireCurrent(expectedVersion, list.version());
            return ListWrites.audit(list.withSchedule(null, null), actor, "unschedule", null,
                    "cancelled the publish scheduled for " + list.scheduledPublishAt()
                            + (list.scheduledBy() == null ? "" : " by " + list.scheduledBy()));
        });
    }

    /** Why there is nothing to cancel, in words: the scheduler's publish when it was the last thing to happen. */
    private static String nothingScheduled(FeaturedList list) {
        List<FeaturedList.AuditEntry> audit = list.audit();
        FeaturedList.AuditEntry last = audit.isEmpty() ? null : audit.get(audit.size() - 1);
        if (last != null && last.action().equals("scheduled_publish") && list.live() != null) {
            return "Nothing is scheduled for this list: the scheduled publish already happened at " + list.live().publishedAt()
                    + " (live revision " + list.live().revision() + ")";
        }
        return "Nothing is scheduled for this list";
    }

    /**
     * A due scheduled publish, exactly once across replicas: the replace only matches while the schedule read is
     * still in place, so of two replicas racing, one wins and the other finds nothing to do.
     */
    public boolean publishScheduled(FeaturedList list, Instant now) {
        FeaturedList updated = ListWrites.audit(goLive(list, list.draft().items(), "scheduler", now), "scheduler",
                "scheduled_publish", null, "revision " + list.nextRevision() + " scheduled by " + list.scheduledBy());
        return writes.replace(list, updated, Filters.eq("scheduledPublishAt", Date.from(list.scheduledPublishAt())));
    }

    /**
     * Makes an earlier revision live again; {@code expectedVersion} is the list's version (its ETag). The library
     * pictures it shows that no version of the list shows now are taken again first (their usages were withdrawn).
     */
    public FeaturedList rollback(String slug, long expectedVersion, int revision, String actor) {
        FeaturedList current = writes.get(slug);
        Versions.requireCurrent(expectedVersion, current.version()); // a stale rollback never asks the library
        List<ListPictures.Wanted> wanted = current.revisions().stream().filter(r -> r.revision() == revision)
                .flatMap(r -> r.items().stream()).map(item -> ListPictures.Wanted.of(item, "revision")).toList();
        ListPictures.Taken taken = pictures.take(current, wanted);
        return pictures.guarded(slug, taken, () -> writes.write(slug, list -> {
            Versions.requireCurrent(expectedVersion, list.version());
            Live target = list.revisions().stream().filter(r -> r.revision() == revision).findFirst()
                    .orElseThrow(() -> ProblemException.invalid("revision", "is not one of the last " + KEEP_REVISIONS
                            + " published revisions: " + list.revisions().stream().map(Live::revision).toList()));
            return ListWrites.audit(goLive(list, target.items(), actor, ListWrites.now()), actor, "rollback", null,
                    "live set back to revision " + revision + " as revision " + list.nextRevision());
        }));
    }

    private static FeaturedList goLive(FeaturedList list, List<Item> items, String actor, Instant now) {
        Live live = new Live(list.nextRevision(), List.copyOf(items), now, actor);
        List<Live> revisions = new ArrayList<>(list.revisions());
        revisions.add(live);
        while (revisions.size() > KEEP_REVISIONS) {
            revisions.remove(0);
        }
        return list.withLive(live, List.copyOf(revisions));
    }
}
