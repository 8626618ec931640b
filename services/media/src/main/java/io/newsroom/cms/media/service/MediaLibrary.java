package io.newsroom.cms.media.service;

import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.Versions;
import io.newsroom.cms.media.api.MediaRecords.MediaDescription;
import io.newsroom.cms.media.api.MediaRecords.MediaPage;
import io.newsroom.cms.media.api.MediaRecords.MediaView;
import io.newsroom.cms.media.api.MediaRecords.PublicPicture;
import io.newsroom.cms.media.api.MediaRecords.UsageReport;
import io.newsroom.cms.media.api.MediaRecords.UsageView;
import io.newsroom.cms.media.domain.MediaItem;
import io.newsroom.cms.media.domain.MediaUsage;
import io.newsroom.cms.media.domain.RenditionSpec;
import io.newsroom.cms.media.published.PublicPictures;
import io.newsroom.cms.media.repository.MediaQueries;
import io.newsroom.cms.media.repository.MediaQueries.After;
import io.newsroom.cms.media.repository.ObjectStore;
import io.newsroom.cms.media.repository.UsageRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Reading, describing and deleting library items, and the record of where they are used. */
@ApplicationScoped
public class MediaLibrary {
    @Inject
    MediaQueries queries;

    @Inject
    MediaMapper mapper;

    @Inject
    ObjectStore store;

    @Inject
    UsageRecords usages;

    @Inject
    PublicPictures pictures;

    public MediaView get(UUID id) {
        return mapper.view(find(id), MediaUsage.countFor(id));
    }

    /** Newest first, by words and tag when given; {@code cursor} is the {@code next} of the page before. */
    public MediaPage page(String words, String tag, String cursor, int limit) {
        List<MediaItem> items = queries.newest(trimmed(words), trimmed(tag), after(cursor), limit + 1);
        String next = null;
        if (items.size() > limit) {
            items = items.subList(0, limit);
            MediaItem last = items.get(limit - 1);
            next = Base64.getUrlEncoder().withoutPadding().encodeToString((last.createdAt + "|" + last.id).getBytes(StandardCharsets.UTF_8));
        }
        Map<UUID, Long> used = usages.counts(items.stream().map(item -> item.id).toList());
        return new MediaPage(items.stream().map(item -> mapper.view(item, used.getOrDefault(item.id, 0L))).toList(), next);
    }

    /** Replaces the description (If-Match: the version the editor read); a new focal point gives new crop URLs. */
    @Transactional
    public MediaView describe(UUID id, long claimedVersion, MediaDescription description) {
        MediaItem item = MediaItem.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (item == null) {
            throw ProblemException.notFound("Media item " + id);
        }
        Versions.requireCurrent(claimedVersion, item.version);
        long used = MediaUsage.countFor(id);
        if (used > 0 && item.altText != null && trimmed(description.altText()) == null) {
            throw ProblemException.invalid("altText", "cannot be removed: the picture is used in " + used
                    + (used == 1 ? " place" : " places") + " and readers who cannot see it need it; change it instead");
        }
        apply(item, description);
        item.updatedAt = Instant.now();
        item.persistAndFlush();
        pictures.changed(mapper.picture(item));
        return mapper.view(item, used);
    }

    /** Sets what an upload's form or an update says about the picture (tags in lower case, like articles' tags). */
    static void apply(MediaItem item, MediaDescription description) {
        item.altText = trimmed(description.altText());
        item.caption = trimmed(description.caption());
        item.credit = trimmed(description.credit());
        item.copyright = trimmed(description.copyright());
        item.source = trimmed(description.source());
        if (description.focalPoint() != null) {
            item.focalX = description.focalPoint().x();
            item.focalY = description.focalPoint().y();
        }
        item.tags = description.tags() == null ? List.of()
                : description.tags().stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).distinct().toList();
    }

    /** Deletes an item no one uses, then its original and renditions (a 409 problem while it is used). */
    public void delete(UUID id, long claimedVersion) {
        String hash = deleteRow(id, claimedVersion);
        store.delete(MediaItem.originalKey(hash));
        store.deletePrefix(RenditionSpec.renditionsOf(hash));
    }

    @Transactional
    String deleteRow(UUID id, long claimedVersion) {
        MediaItem item = MediaItem.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (item == null) {
            throw ProblemException.notFound("Media item " + id);
        }
        Versions.requireCurrent(claimedVersion, item.version);
        long used = MediaUsage.countFor(id);
        if (used > 0) {
            throw ProblemException.conflict("This picture is used in " + used + (used == 1 ? " place" : " places")
                    + "; remove it from there first").with("usageCount", used);
        }
        item.delete();
        pictures.deleted(id);
        return item.contentHash;
    }

    public List<UsageView> usages(UUID id) {
        find(id);
        return MediaUsage.<MediaUsage>list("key.mediaId = ?1 order by since", id).stream()
                .map(u -> new UsageView(u.key.kind(), u.key.ref(), u.label, u.since)).toList();
    }

    /** Records that a part uses the item (again: the label is updated); what readers are to see of it, for its copy. */
    @Transactional
    public PublicPicture used(UUID id, UsageReport report) {
        MediaItem item = lockAgainstDeletion(id);
        usages.record(id, report.kind(), report.ref(), trimmed(report.label()));
        return mapper.picture(item);
    }

    @Transactional
    public void notUsed(UUID id, String kind, String ref) {
        lockAgainstDeletion(id);
        usages.forget(id, kind, ref);
    }

    /** The item, held until the transaction ends so that it cannot be deleted meanwhile (a 404 when it is gone). */
    private static MediaItem lockAgainstDeletion(UUID id) {
        MediaItem item = MediaItem.findById(id, LockModeType.PESSIMISTIC_READ);
        if (item == null) {
            throw ProblemException.notFound("Media item " + id);
        }
        return item;
    }

    private static MediaItem find(UUID id) {
        MediaItem item = MediaItem.findById(id);
        if (item == null) {
            throw ProblemException.notFound("Media item " + id);
        }
        return item;
    }

    private static After after(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
            return new After(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw ProblemException.invalid("cursor", "must be the next value of a page this service sent");
        }
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
