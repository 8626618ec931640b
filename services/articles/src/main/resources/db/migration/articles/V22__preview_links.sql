-- Preview links: a revision of an article shared with someone outside the newsroom (a source, a lawyer) through a
-- secret address, without an account. Only the SHA-256 of the link's random token is kept (hex), so a copy of this
-- table opens no preview. A link is pinned to one revision (creating it closes that revision's editing session, so
-- later saves make a new revision); it ends at expires_at or when revoked, and stays listed on the article afterwards.
-- Deleting the article (or the revision) deletes its links.
create table preview_link (
    id          uuid         primary key,
    article_id  uuid         not null,
    revision    integer      not null,
    token_hash  varchar(64)  not null,
    label       varchar(100),
    created_by  varchar(100) not null,
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    revoked_at  timestamptz,
    revoked_by  varchar(100),
    constraint preview_link_token_unique unique (token_hash),
    constraint preview_link_revision_fk foreign key (article_id, revision)
        references article_revision (article_id, number) on delete cascade,
    constraint preview_link_expiry_check check (expires_at > created_at),
    constraint preview_link_revoked_check check ((revoked_at is null) = (revoked_by is null))
);
-- an article's links, newest first (the editor's list, the count of active ones)
create index preview_link_article_idx on preview_link (article_id, created_at desc);
