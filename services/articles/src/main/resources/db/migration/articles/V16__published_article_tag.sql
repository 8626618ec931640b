-- The published read model by tag: one row per live article and tag, so "the newest (or oldest) with a tag" is one walk
-- of an index in the order asked, with a limit, like a section's list (published_article_section). The GIN index over
-- published_article.tags answered it with a bitmap of every article with the tag and a sort of all of them: 3.3 ms at
-- 100,000 articles after ANALYZE, 734 ms for a common tag with the generic plan a prepared statement switches to
-- (bench/results/2026-12-01T2042-listings.md). Rewritten with the article's row (PublishedViews.put), dropped with it
-- (cascade). Tags are stored lowercased and distinct (ArticleEditing), as the public filter asks for them.
create table published_article_tag (
    article_id   uuid        not null references published_article (article_id) on delete cascade,
    tag          text        not null,
    published_at timestamptz not null,
    primary key (article_id, tag)
);
create index published_article_tag_newest_idx on published_article_tag (tag, published_at desc, article_id desc);

insert into published_article_tag (article_id, tag, published_at)
select distinct p.article_id, t.tag, p.published_at
from published_article p cross join lateral jsonb_array_elements_text(p.tags) as t(tag);
