package io.newsroom.cms.curation.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsroom.cms.curation.api.ListRecords.AuditPage;
import io.newsroom.cms.curation.api.ListRecords.AuditView;
import io.newsroom.cms.curation.api.ListRecords.DraftView;
import io.newsroom.cms.curation.api.ListRecords.ImageRef;
import io.newsroom.cms.curation.api.ListRecords.ItemView;
import io.newsroom.cms.curation.api.ListRecords.ListView;
import io.newsroom.cms.curation.api.ListRecords.LiveView;
import io.newsroom.cms.curation.api.ListRecords.Overrides;
import io.newsroom.cms.curation.api.ListRecords.PublishedItem;
import io.newsroom.cms.curation.api.ListRecords.PublishedOverrides;
import io.newsroom.cms.curation.api.ListRecords.PublishedList;
import io.newsroom.cms.curation.api.ListRecords.ScheduledList;
import io.newsroom.cms.curation.api.ListRecords.Window;
import io.newsroom.cms.curation.domain.FeaturedList;
import io.newsroom.cms.curation.domain.FeaturedList.Item;
import io.newsroom.cms.curation.published.ListResolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Domain → API records, explicitly: the stored document never leaves the service. */
public final class ListMapper {
    private ListMapper() {
    }

    public static ListView view(FeaturedList l) {
        return new ListView(l.slug(), l.title(), l.description(), l.maxItems(), l.version(), l.draft().items().size(),
                l.live() == null ? null : l.live().revision(), l.live() == null ? null : l.live().publishedAt(),
                l.scheduledPublishAt(), l.scheduledBy(), l.revisions().stream().map(FeaturedList.Live::revision).toList(),
                l.createdAt(), l.createdBy());
    }

    public static DraftView draft(FeaturedList list) {
        return new DraftView(list.draft().version(), items(list.draft().items()), list.draft().updatedAt(), list.draft().updatedBy());
    }

    /** No items and no revision when the list was never published. */
    public static LiveView live(FeaturedList list) {
        FeaturedList.Live live = list.live();
        return live == null ? new LiveView(null, List.of(), null, null)
                : new LiveView(live.revision(), items(live.items()), live.publishedAt(), live.publishedBy());
    }

    /** A scheduled list as the planning calendar shows it; {@code mayReschedule}: the caller curates. */
    public static ScheduledList scheduled(FeaturedList l, boolean mayReschedule) {
        return new ScheduledList(l.slug(), l.title(), l.scheduledPublishAt(), l.scheduledBy(), l.version(), l.draft().version(),
                l.draft().items().size(), l.live() == null ? null : l.live().revision(), mayReschedule);
    }

    /** Newest first. */
    public static AuditPage audit(FeaturedList list) {
        List<AuditView> entries = new ArrayList<>();
        list.audit().forEach(a -> entries.add(0, new AuditView(a.at(), a.actor(), a.action(), a.articleId(), a.detail())));
        return new AuditPage(entries);
    }

    /**
     * The live version as the list events carry it, its items' library pictures from {@code pictures} (their copies, by
     * id); null when the list was never published.
     */
    public static PublishedList published(FeaturedList list, Map<UUID, JsonNode> pictures) {
        FeaturedList.Live live = list.live();
        if (live == null) {
            return null;
        }
        List<PublishedItem> items = new ArrayList<>();
        for (Item i : live.items()) {
            FeaturedList.Overrides o = i.overrides();
            PublishedOverrides overrides = o == null ? null : new PublishedOverrides(o.headline(), o.summary(),
                    o.image() == null ? null : ListResolver.override(o.image(), i.picture() == null ? null : pictures.get(i.picture())));
            items.add(new PublishedItem(i.articleId(), items.size(), overrides, window(i)));
        }
        return new PublishedList(list.slug(), list.title(), list.description(), live.revision(), live.publishedAt(), items);
    }

    static List<ItemView> items(List<Item> items) {
        List<ItemView> views = new ArrayList<>();
        for (Item i : items) {
            views.add(new ItemView(i.articleId(), views.size(), overrides(i), window(i), i.addedBy(), i.addedAt()));
        }
        return views;
    }

    private static Overrides overrides(Item item) {
        FeaturedList.Overrides o = item.overrides();
        return o == null ? null : new Overrides(o.headline(), o.summary(),
                o.image() == null ? null : new ImageRef(o.image().url(), o.image().alt(), o.image().mediaId()));
    }

    private static Window window(Item item) {
        return item.window() == null ? null : new Window(item.window().from(), item.window().until());
    }
}
