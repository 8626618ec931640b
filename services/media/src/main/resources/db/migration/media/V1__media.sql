-- The media library: one row per original (its bytes are in object storage under originals/<content_hash>), with what
-- editors say about it. The same bytes are one item: content_hash is unique, so a second upload finds the first.
create table media_item (
    id            uuid          primary key,
    content_hash  varchar(64)   not null unique check (content_hash ~ '^[0-9a-f]{64}$'),
    mime_type     varchar(40)   not null,
    width         integer       not null check (width > 0),
    height        integer       not null check (height > 0),
    byte_size     bigint        not null check (byte_size > 0),
    filename      varchar(200)  not null,
    alt_text      varchar(1000),
    caption       varchar(2000),
    credit        varchar(300),
    copyright     varchar(300),
    source        varchar(1000),
    focal_x       real          not null default 0.5 check (focal_x between 0 and 1),
    focal_y       real          not null default 0.5 check (focal_y between 0 and 1),
    tags          jsonb         not null default '[]',
    version       bigint        not null,
    created_by    varchar(200)  not null,
    created_at    timestamptz   not null,
    updated_at    timestamptz   not null,
    -- what the library's search looks in (alt text first, then caption and credit, then the file name)
    search_vector tsvector generated always as (
        setweight(to_tsvector('english', coalesce(alt_text, '')), 'A')
        || setweight(to_tsvector('english', coalesce(caption, '') || ' ' || coalesce(credit, '')), 'B')
        || setweight(to_tsvector('simple', filename), 'C')) stored
);
create index media_item_newest on media_item (created_at desc, id desc);
create index media_item_search on media_item using gin (search_vector);
create index media_item_tags on media_item using gin (tags jsonb_path_ops);

-- Where an item is used (articles' hero images, featured-list overrides, author avatars): reported by the parts that
-- use it; an item in use cannot be deleted.
create table media_usage (
    media_id   uuid         not null references media_item (id),
    kind       varchar(20)  not null check (kind in ('article', 'list-item', 'author')),
    ref        varchar(200) not null,
    label      varchar(300),
    since      timestamptz  not null,
    primary key (media_id, kind, ref)
);
