-- The public names and profiles of the authors on bylines, copied from the authors service (which owns them) so that
-- the published reads carry their authors without a call to the authors service per read. Kept current by
-- published.BylineAuthors: a row is added when an author is first put on a byline (from the byline check's answer,
-- without a change time), and every few seconds the service pages through GET /authors/public/changes and
-- overwrites the rows with what changed. `link` is the JSON a list item gets for the author, `profile` the public
-- profile an article gets ("About the Author").
create table byline_author (
    id                uuid primary key,
    slug              text not null,
    display_name      text not null,
    link              text not null,
    profile           text,
    source_updated_at timestamptz
);
create index byline_author_changes_idx on byline_author (source_updated_at);

-- Each published article's authors, in byline order, comma-separated: as list items name them (`authors`: links) and
-- as the article shows them (`profiles`). Written with the row from byline_author and rewritten when an author
-- changes; null while none is known.
alter table published_article add column authors text, add column profiles text;
