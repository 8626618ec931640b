-- Search and social fields of the working copy and of every revision (a restore brings them back), and the correction
-- or update note the working copy carries until it is published (seo_noindex: search engines are asked to leave the
-- article out, and the sitemaps do).
alter table article add column seo_title text, add column seo_description text, add column seo_canonical_url text,
    add column seo_noindex boolean not null default false, add column correction_kind text, add column correction_note text;
alter table article_revision add column seo_title text, add column seo_description text, add column seo_canonical_url text,
    add column seo_noindex boolean not null default false, add column correction_kind text, add column correction_note text;
-- The notes readers are shown, one per publish that carried one, stamped with the time of that publish: kept when the
-- working copy moves on or is restored, gone only with the article.
create table article_correction (
    article_id uuid        not null references article (id) on delete cascade,
    revision   integer     not null,
    kind       text        not null,
    note       text        not null,
    at         timestamptz not null,
    primary key (article_id, revision)
);
-- The sitemaps leave out articles that ask not to be indexed; a row of an earlier format is rewritten at start
-- (PublishedViews.FORMAT) and gets its value then.
alter table published_article add column noindex boolean not null default false;
