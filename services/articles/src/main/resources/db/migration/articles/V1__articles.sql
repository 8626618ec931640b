-- An article has a working copy (the newest revision, in the editorial workflow) and, separately, a live
-- revision (what readers see) or none.
create table article (
    id                     uuid primary key,
    slug                   varchar(80)  not null,
    headline               varchar(200) not null,
    dek                    varchar(1000),
    body                   text         not null default '',
    hero_url               varchar(2048),
    hero_alt               varchar(300),
    hero_caption           varchar(500),
    hero_credit            varchar(200),
    tags                   jsonb        not null default '[]',
    byline                 jsonb        not null default '[]',
    status                 varchar(20)  not null,
    owner                  varchar(100) not null,
    working_revision       integer      not null,
    live_revision          integer,
    created_at             timestamptz  not null,
    updated_at             timestamptz  not null,
    submitted_at           timestamptz,
    first_published_at     timestamptz,
    last_published_at      timestamptz,
    scheduled_publish_at   timestamptz,
    scheduled_unpublish_at timestamptz,
    version                bigint       not null,
    search_vector          tsvector generated always as (
        setweight(to_tsvector('english', coalesce(headline, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(dek, '')), 'B') ||
        setweight(to_tsvector('english', coalesce(body, '')), 'C')) stored,
    constraint article_slug_unique unique (slug),
    constraint article_status_check check (status in ('DRAFT', 'IN_REVIEW', 'APPROVED', 'SCHEDULED', 'PUBLISHED', 'UNPUBLISHED', 'ARCHIVED'))
);
create index article_status_idx on article (status, updated_at desc);
create index article_owner_idx on article (owner);
create index article_tags_idx on article using gin (tags jsonb_path_ops);
create index article_byline_idx on article using gin (byline jsonb_path_ops);
create index article_search_idx on article using gin (search_vector);
-- the scheduler's due-work lookups
create index article_due_publish_idx on article (scheduled_publish_at) where scheduled_publish_at is not null;
create index article_due_unpublish_idx on article (scheduled_unpublish_at) where scheduled_unpublish_at is not null;
-- the public newest-first listing over live articles
create index article_live_idx on article (first_published_at desc, id desc) where live_revision is not null;

-- Every save is a revision; the live one is what the public views read.
create table article_revision (
    article_id    uuid         not null references article (id) on delete cascade,
    number        integer      not null,
    slug          varchar(80)  not null,
    headline      varchar(200) not null,
    dek           varchar(1000),
    body          text         not null default '',
    hero_url      varchar(2048),
    hero_alt      varchar(300),
    hero_caption  varchar(500),
    hero_credit   varchar(200),
    tags          jsonb        not null default '[]',
    byline        jsonb        not null default '[]',
    author        varchar(100) not null,
    created_at    timestamptz  not null,
    note          varchar(200),
    search_vector tsvector generated always as (
        setweight(to_tsvector('english', coalesce(headline, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(dek, '')), 'B') ||
        setweight(to_tsvector('english', coalesce(body, '')), 'C')) stored,
    primary key (article_id, number)
);
create index article_revision_search_idx on article_revision using gin (search_vector);

create table article_slug_alias (
    slug       varchar(80) primary key,
    article_id uuid        not null references article (id) on delete cascade
);

create table workflow_event (
    id          uuid primary key,
    article_id  uuid         not null references article (id) on delete cascade,
    action      varchar(30)  not null,
    from_status varchar(20),
    to_status   varchar(20)  not null,
    actor       varchar(100) not null,
    at          timestamptz  not null,
    comment     varchar(5000),
    revision    integer
);
create index workflow_event_article_idx on workflow_event (article_id, at);

create table review_comment (
    id         uuid primary key,
    article_id uuid          not null references article (id) on delete cascade,
    author     varchar(100)  not null,
    body       varchar(5000) not null,
    created_at timestamptz   not null
);
create index review_comment_article_idx on review_comment (article_id, created_at);
