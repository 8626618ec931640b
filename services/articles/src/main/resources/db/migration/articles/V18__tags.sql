-- Managed tags: the registry of the words articles are tagged with, each with a slug (its address for readers) and a
-- curated description. An article still carries its tags by name (article.tags, lowercased and distinct, as the API and
-- the read model always had them); `name` is that word, unique, so the registry and the articles meet on it. A slug is
-- unique among all tags, current and former (`?tag=` and /tags/{slug} name one tag whatever its renames).
-- The rows for the tags articles already carry are written at start (service.TagRegistry, with the slugs of
-- common.content.Slugs, which SQL cannot reproduce): idempotent, so it is also right after a restore of old data.
create table tag (
    id          uuid primary key,
    slug        varchar(80)  not null,
    name        varchar(100) not null,
    description varchar(500),
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    version     bigint       not null,
    constraint tag_slug_unique unique (slug),
    constraint tag_name_unique unique (name)
);
-- autocomplete: a prefix of the name (text_pattern_ops serves `like 'clo%'` whatever the collation)
create index tag_name_prefix_idx on tag (name text_pattern_ops);

-- A slug a tag had before a rename, or the slug of a tag merged into it: it keeps working (redirects or is followed).
create table tag_slug_alias (
    slug   varchar(80) primary key,
    tag_id uuid        not null references tag (id) on delete cascade
);
create index tag_slug_alias_tag_idx on tag_slug_alias (tag_id);
