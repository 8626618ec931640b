package io.newsroom.cms.curation.service;

import com.mongodb.client.model.Filters;
import io.newsroom.cms.common.problem.ProblemException;
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

    /** Publishes the draft now, or schedules it when {@code at} is in the future; {@code expectedDraft}: the draft's ETag. */
    public FeaturedList publish(String slug, long expectedDraft, Instant at, String actor) {
        Instant now = ListWrites.now();
        if (at != null && at.isAfter(now)) {
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
