-- Sections: the site's hierarchy (News › Cloud, Business, Opinion), kept by editors. A slug is unique among all sections
-- (current and former), so `?section=cloud` names one section whatever its place in the tree; `position` orders siblings.
create table section (
    id          uuid primary key,
    slug        varchar(80)  not null,
    name        varchar(100) not null,
    description varchar(500),
    parent_id   uuid references section (id),
    position    integer      not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    version     bigint       not null,
    constraint section_slug_unique unique (slug)
);
create index section_parent_idx on section (parent_id, position);

-- A slug a section had before a rename: it keeps working (the public API redirects or follows it).
create table section_slug_alias (
    slug       varchar(80) primary key,
    section_id uuid        not null references section (id) on delete cascade
);

-- Every article has one primary section (required before it is submitted) and optional secondary ones, as part of its
-- content: the working copy and every revision carry them, publishing makes the working revision's live.
alter table article add column primary_section_id uuid references section (id),
    add column secondary_section_ids jsonb not null default '[]';
alter table article_revision add column primary_section_id uuid,
    add column secondary_section_ids jsonb not null default '[]';
create index article_primary_section_idx on article (primary_section_id);
create index article_secondary_sections_idx on article using gin (secondary_section_ids jsonb_path_ops);

-- The default section: existing articles (from before sections) are put in it, and a new article starts in it when it
-- names none (cms.articles.sections.default-slug).
insert into section (id, slug, name, description, parent_id, position, created_at, updated_at, version)
values ('00000000-0000-4000-8000-00000000000a', 'news', 'News', 'News of the day', null, 0, now(), now(), 0);
update article set primary_section_id = '00000000-0000-4000-8000-00000000000a' where primary_section_id is null;
update article_revision set primary_section_id = '00000000-0000-4000-8000-00000000000a' where primary_section_id is null;

-- The published read model by section: one row per live article and section it shows up in, its own sections
-- (`direct`: primary or secondary) and their ancestors, so "the newest in News, its subsections included" and "the newest
-- filed under Cloud itself" are each one walk of an index in the order asked, with a limit. Rewritten with the article's
-- row, and for a subtree's articles when a section moves.
alter table published_article add column section_id uuid;
create table published_article_section (
    section_id   uuid        not null,
    article_id   uuid        not null references published_article (article_id) on delete cascade,
    published_at timestamptz not null,
    direct       boolean     not null,
    primary key (section_id, article_id)
);
create index published_article_section_newest_idx on published_article_section (section_id, published_at desc, article_id desc);
create index published_article_section_direct_idx on published_article_section (section_id, published_at desc, article_id desc) where direct;
create index published_article_section_article_idx on published_article_section (article_id);
