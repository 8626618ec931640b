package io.newsroom.cms.articles.service;

import io.newsroom.cms.articles.api.TagRecords.TagView;
import io.newsroom.cms.articles.domain.Tag;

import java.util.List;

/** Tag entities → the editors' records, explicitly. */
public final class TagMapper {
    private TagMapper() {
    }

    public static TagView view(Tag t, long articles, List<String> aliases) {
        return new TagView(t.id, t.slug, t.name, t.description, articles, aliases, t.createdAt, t.updatedAt, t.version);
    }
}
