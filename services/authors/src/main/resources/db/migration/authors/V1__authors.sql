create table author (
    id              uuid primary key,
    slug            varchar(80)  not null,
    display_name    varchar(120) not null,
    job_title       varchar(120),
    organization    varchar(120),
    bio             text,
    avatar_url      varchar(2048),
    avatar_alt      varchar(300),
    social_x        varchar(16),
    social_website  varchar(2048),
    social_linkedin varchar(2048),
    social_mastodon varchar(2048),
    email           varchar(254),
    username        varchar(100),
    active          boolean      not null default true,
    bylined         boolean      not null default false,
    version         bigint       not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    constraint author_slug_unique unique (slug),
    constraint author_username_unique unique (username)
);

create index author_display_name_idx on author (lower(display_name));

-- Old slugs keep resolving after a rename (the public API redirects them).
create table author_slug_alias (
    slug      varchar(80) primary key,
    author_id uuid        not null references author (id) on delete cascade
);
create index author_slug_alias_author_idx on author_slug_alias (author_id);
