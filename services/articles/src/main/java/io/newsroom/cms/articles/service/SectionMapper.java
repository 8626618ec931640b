package io.newsroom.cms.articles.service;

import io.newsroom.cms.articles.api.SectionRecords.SectionList;
import io.newsroom.cms.articles.api.SectionRecords.SectionView;
import io.newsroom.cms.articles.domain.Section;
import io.newsroom.cms.articles.domain.SectionTree;

import java.util.List;

/** Section entities → the editors' records, explicitly. */
public final class SectionMapper {
    private SectionMapper() {
    }

    public static SectionView view(Section s, SectionTree tree) {
        List<String> path = tree.contains(s.id) ? tree.slugPath(s.id) : List.of(s.slug);
        return new SectionView(s.id, s.slug, s.name, s.description, s.parentId, s.position, path, path.size() - 1,
                s.createdAt, s.updatedAt, s.version);
    }

    /** The whole tree as the editors' list: depth first, siblings in order. */
    public static SectionList list(SectionTree tree) {
        List<SectionView> items = tree.depthFirst().stream().map(s -> view(s, tree)).toList();
        return new SectionList(items, items.size());
    }
}
