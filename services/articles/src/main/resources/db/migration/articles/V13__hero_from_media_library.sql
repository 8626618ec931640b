-- A hero image from the media library: the working copy and every revision name the picture by its media id (hero_url
-- keeps the library's default rendition URL, hero_alt/caption/credit the article's own overrides, null: the library's).
alter table article add column hero_media_id uuid;
alter table article_revision add column hero_media_id uuid;
-- The published row says which picture it shows, so a change of that picture (cms.media.pictures) rewrites it.
alter table published_article add column hero_media_id uuid;
create index published_article_hero_media on published_article (hero_media_id) where hero_media_id is not null;
-- What readers see of each picture used here (alt text, credit, rendition URLs), copied from the media service when an
-- article takes the picture and kept current from its events; updated_at is the copy's version.
create table media_picture (
    id         uuid        primary key,
    picture    text        not null,
    updated_at timestamptz not null
);
