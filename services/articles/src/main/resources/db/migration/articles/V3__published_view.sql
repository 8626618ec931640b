-- What readers see, kept ready to serve: one row per live article, written in the same transaction as the publish,
-- unpublish or archive that changes it. The public reads (by slug, by id, newest first, search, batch) are single
-- indexed lookups that return the stored JSON as it is; no entity loading, no Markdown rendering per request.
-- `format` is the version of the stored JSON (and of the HTML sanitizer policy); rows of an older format are
-- rewritten from the live revision when the service starts.
create table published_article (
    article_id    uuid primary key references article (id) on delete cascade,
    slug          varchar(80)  not null,
    published_at  timestamptz  not null,
    tags          jsonb        not null default '[]',
    byline        jsonb        not null default '[]',
    search_vector tsvector     not null,
    summary       text         not null,
    document      text         not null,
    format        integer      not null
);
create index published_article_slug_idx on published_article (slug);
create index published_article_newest_idx on published_article (published_at desc, article_id desc);
create index published_article_tags_idx on published_article using gin (tags jsonb_path_ops);
create index published_article_byline_idx on published_article using gin (byline jsonb_path_ops);
create index published_article_search_idx on published_article using gin (search_vector);

-- Public search now reads published_article: a save no longer computes and indexes a second text vector per revision.
drop index article_revision_search_idx;
alter table article_revision drop column search_vector;
