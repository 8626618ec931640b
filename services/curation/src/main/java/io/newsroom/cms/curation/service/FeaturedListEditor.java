package io.newsroom.cms.curation.service;

import io.newsroom.cms.common.problem.Problem;
import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.ProblemType;
import io.newsroom.cms.common.problem.Versions;
import io.newsroom.cms.curation.api.ListRecords;
import io.newsroom.cms.curation.client.ArticleViews;
import io.newsroom.cms.curation.client.ArticlesApi.PublishedSummary;
import io.newsroom.cms.curation.domain.FeaturedList;
import io.newsroom.cms.curation.domain.FeaturedList.*;
import io.newsroom.cms.curation.repository.FeaturedListRepository;
import io.newsroom.cms.curation.service.ListPictures.Taken;
import io.newsroom.cms.curation.service.ListPictures.Wanted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Editing featured lists: creating, changing and deleting them, and every edit of a draft (add, override, remove,
 * move, replace the order, discard). Every write checks the caller's If-Match against the version they edit (list
 * metadata or draft) and goes through {@link ListWrites}: a lost race is retried on fresh data if it did not touch
 * what the caller edits, otherwise 412. Publishing is {@link FeaturedListPublisher}'s job. A library picture an edit
 * puts on an item is taken from the media library before the write ({@link ListPictures}).
 */
@ApplicationScoped
public class FeaturedListEditor {
    /** Slugs that name paths of the API under /lists: a list so named could not be read at /lists/{slug}. */
    static final Set<String> RESERVED_SLUGS = Set.of("schedule");

    @Inject
    FeaturedListRepository repository;

    @Inject
    ListWrites writes;

    @Inject
    ArticleViews articles;

    @Inject
    ListPictures pictures;

    public FeaturedList get(String slug) {
        return writes.get(slug);
    }

    public List<FeaturedList> all() {
        return repository.all();
    }

    /** The lists scheduled to publish in {@code window}, by time (at most 500: lists are few). */
    public List<FeaturedList> scheduled(io.newsroom.cms.common.time.ScheduleWindow window) {
        return repository.scheduledBetween(window.from(), window.to(), 500);
    }

    public FeaturedList create(ListRecords.CreateList request, String actor) {
        Instant now = ListWrites.now();
        FeaturedList list = new FeaturedList(UUID.randomUUID().toString(), request.slug(), request.title().trim(),
                blankToNull(request.description()), request.maxItems(), 1, new Draft(1, List.of(), now, actor), null, null,
                null, List.of(), List.of(new AuditEntry(now, actor, "create", null, "created list " + request.slug())),
                now, actor, 0);
        if (RESERVED_SLUGS.contains(request.slug())) {
            throw ProblemException.invalid("slug", "is reserved: /lists/" + request.slug() + " is a path of the API; choose another");
        }
        if (!repository.insert(list)) {
            throw new ProblemException(ProblemType.CONFLICT, "A list with slug '" + request.slug() + "' exists",
                    List.of(new Problem.FieldError("slug", "already taken")), Map.of());
        }
        return get(request.slug());
    }

    public FeaturedList updateMeta(String slug, long expectedVersion, ListRecords.UpdateList request, String actor) {
        return writes.write(slug, list -> {
            Versions.requireCurrent(expectedVersion, list.version());
            if (request.maxItems() < list.draft().items().size()) {
                throw ProblemException.invalid("maxItems", "the draft has " + list.draft().items().size()
                        + " items; remove some before lowering the maximum");
            }
            return ListWrites.audit(list.withMeta(request.title().trim(), blankToNull(request.description()), request.maxItems()),
                    actor, "update", null, "title/description/maximum");
        });
    }

    public void delete(String slug, long expectedVersion) {
        FeaturedList list = get(slug);
        Versions.requireCurrent(expectedVersion, list.version());
        if (!list.draft().items().isEmpty() || list.live() != null && !list.live().items().isEmpty()) {
            throw ProblemException.conflict("Only empty lists can be deleted; remove the items and publish first");
        }
        if (!writes.delete(list)) {
            throw ProblemException.conflict("The list changed while being deleted; try again");
        }
    }

    public FeaturedList addItem(String slug, long expectedDraft, ListRecords.ItemRequest request, String actor) {
        requirePublished(List.of(request.articleId()), "articleId");
        Window window = window(request.window(), "window");
        Taken taken = take(slug, expectedDraft, Wanted.of(request.articleId(), request.overrides(), "overrides.image"));
        return pictures.guarded(slug, taken, () -> editDraft(slug, expectedDraft, actor, (list, items) -> {
            if (items.stream().anyMatch(i -> i.articleId().equals(request.articleId()))) {
                throw new ProblemException(ProblemType.CONFLICT, "This article is already in the list",
                        List.of(new Problem.FieldError("articleId", "already in the list")), Map.of());
            }
            if (items.size() >= list.maxItems()) {
                throw new ProblemException(ProblemType.CONFLICT, "The list is full (" + list.maxItems() + " items)",
                        List.of(new Problem.FieldError("articleId", "the list holds at most " + list.maxItems())), Map.of());
            }
            int position = request.position() == null ? items.size() : Math.min(request.position(), items.size());
            items.add(position, new Item(request.articleId(), overrides(request.overrides(), taken), window, actor, ListWrites.now()));
            return new AuditEntry(ListWrites.now(), actor, "add", request.articleId(), "at position " + position);
        }));
    }

    public FeaturedList updateItem(String slug, long expectedDraft, UUID articleId, ListRecords.ItemUpdate update, String actor) {
        Window window = window(update.window(), "window");
        Taken taken = take(slug, expectedDraft, Wanted.of(articleId, update.overrides(), "overrides.image"));
        return pictures.guarded(slug, taken, () -> editDraft(slug, expectedDraft, actor, (list, items) -> {
            int index = indexOf(items, articleId);
            Item old = items.get(index);
            items.set(index, new Item(articleId, overrides(update.overrides(), taken), window, old.addedBy(), old.addedAt()));
            return new AuditEntry(ListWrites.now(), actor, "override", articleId,
                    update.overrides() == null ? "cleared overrides" : "set overrides" + (window == null ? "" : " and window"));
        }));
    }

    public FeaturedList removeItem(String slug, long expectedDraft, UUID articleId, String actor) {
        return editDraft(slug, expectedDraft, actor, (list, items) -> {
            items.remove(indexOf(items, articleId));
            return new AuditEntry(ListWrites.now(), actor, "remove", articleId, null);
        });
    }

    public FeaturedList move(String slug, long expectedDraft, UUID articleId, int position, String actor) {
        return editDraft(slug, expectedDraft, actor, (list, items) -> {
            int from = indexOf(items, articleId);
            Item item = items.remove(from);
            int to = Math.min(position, items.size());
            items.add(to, item);
            return new AuditEntry(ListWrites.now(), actor, "move", articleId, "from position " + from + " to " + to);
        });
    }

    /** Replaces the whole order; new articles must be published, known ones keep who added them and when. */
    public FeaturedList replaceDraft(String slug, long expectedDraft, List<ListRecords.ItemRequest> requested, String actor) {
        Set<UUID> seen = new HashSet<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            if (!seen.add(requested.get(i).articleId())) {
                errors.add(new Problem.FieldError("items[" + i + "].articleId", "already in the list"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "An article appears twice", errors, Map.of());
        }
        FeaturedList current = get(slug);
        List<UUID> added = requested.stream().map(ListRecords.ItemRequest::articleId)
                .filter(id -> current.draft().items().stream().noneMatch(i -> i.articleId().equals(id))).toList();
        requirePublished(added, "items");
        List<Window> windows = new ArrayList<>();
        List<Wanted> wanted = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            windows.add(window(requested.get(i).window(), "items[" + i + "].window"));
            wanted.add(Wanted.of(requested.get(i).articleId(), requested.get(i).overrides(), "items[" + i + "].overrides.image"));
        }
        if (wanted.stream().anyMatch(Objects::nonNull)) {
            Versions.requireCurrent(expectedDraft, current.draft().version()); // a stale draft never asks the library
        }
        Taken taken = pictures.take(current, wanted);
        return pictures.guarded(slug, taken, () -> editDraft(slug, expectedDraft, actor, (list, items) -> {
            if (requested.size() > list.maxItems()) {
                throw ProblemException.invalid("items", "the list holds at most " + list.maxItems());
            }
            List<Item> next = new ArrayList<>();
            for (int i = 0; i < requested.size(); i++) {
                ListRecords.ItemRequest r = requested.get(i);
                Item old = items.stream().filter(it -> it.articleId().equals(r.articleId())).findFirst().orElse(null);
                next.add(new Item(r.articleId(), overrides(r.overrides(), taken), windows.get(i),
                        old == null ? actor : old.addedBy(), old == null ? ListWrites.now() : old.addedAt()));
            }
            items.clear();
            items.addAll(next);
            return new AuditEntry(ListWrites.now(), actor, "reorder", null, "replaced the order (" + next.size() + " items)");
        }));
    }

    public FeaturedList discard(String slug, long expectedDraft, String actor) {
        return editDraft(slug, expectedDraft, actor, (list, items) -> {
            items.clear();
            if (list.live() != null) {
                items.addAll(list.live().items());
            }
            return new AuditEntry(ListWrites.now(), actor, "discard", null, "draft reset to the live version");
        });
    }

    // --- helpers ---

    private interface DraftEdit {
        AuditEntry apply(FeaturedList list, List<Item> items);
    }

    private FeaturedList editDraft(String slug, long expectedDraft, String actor, DraftEdit edit) {
        return writes.write(slug, list -> {
            Versions.requireCurrent(expectedDraft, list.draft().version());
            List<Item> items = new ArrayList<>(list.draft().items());
            AuditEntry entry = edit.apply(list, items);
            FeaturedList updated = list.withDraft(new Draft(list.draft().version() + 1, List.copyOf(items), ListWrites.now(), actor));
            return updated.withAudit(ListWrites.append(list.audit(), entry));
        });
    }

    /**
     * Takes the library picture a draft edit puts on an item ({@link ListPictures#take}); nothing to do without one. A
     * stale If-Match is refused first: the library is not asked for an edit that cannot be written.
     */
    private Taken take(String slug, long expectedDraft, Wanted wanted) {
        if (wanted == null) {
            return Taken.NONE;
        }
        FeaturedList list = get(slug);
        Versions.requireCurrent(expectedDraft, list.draft().version());
        return pictures.take(list, List.of(wanted));
    }

    private void requirePublished(List<UUID> ids, String field) {
        Map<UUID, PublishedSummary> published = articles.publishedNow(ids);
        List<Problem.FieldError> errors = new ArrayList<>();
        for (UUID id : ids) {
            if (!published.containsKey(id)) {
                errors.add(new Problem.FieldError(field, "article " + id + " is not published"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "Only published articles can be featured", errors, Map.of());
        }
    }

    private static int indexOf(List<Item> items, UUID articleId) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).articleId().equals(articleId)) {
                return i;
            }
        }
        throw ProblemException.notFound("Article " + articleId + " in this list's draft");
    }

    /**
     * The overrides as stored: blanks mean "the article's own". An image override may be the alt text alone
     * ({@code url} null): curators often re-describe the article's own picture for the rail. A library picture
     * ({@code mediaId}, {@code taken} before the write) gets the library's URL, whatever URL came with it.
     */
    private static Overrides overrides(ListRecords.Overrides o, Taken taken) {
        if (o == null) {
            return null;
        }
        UUID mediaId = o.image() == null ? null : o.image().mediaId();
        String alt = o.image() == null ? null : blankToNull(o.image().alt());
        String url = mediaId != null ? taken.url(mediaId) : o.image() == null ? null : blankToNull(o.image().url());
        Image image = url == null && alt == null && mediaId == null ? null : new Image(url, alt, mediaId);
        String headline = blankToNull(o.headline());
        String summary = blankToNull(o.summary());
        return headline == null && summary == null && image == null ? null : new Overrides(headline, summary, image);
    }

    private static Window window(ListRecords.Window w, String field) {
        if (w == null || w.from() == null && w.until() == null) {
            return null;
        }
        if (w.from() != null && w.until() != null && !w.until().isAfter(w.from())) {
            throw ProblemException.invalid(field + ".until", "must be after from");
        }
        return new Window(w.from() == null ? null : w.from().truncatedTo(ChronoUnit.MILLIS),
                w.until() == null ? null : w.until().truncatedTo(ChronoUnit.MILLIS));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
