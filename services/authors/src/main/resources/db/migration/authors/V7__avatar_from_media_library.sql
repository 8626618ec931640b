-- An avatar from the media library: the author names the picture by its media id (avatar_url keeps the library's
-- default rendition URL, avatar_alt the author's own alt text, null: the library's).
alter table author add column avatar_media_id uuid;
-- A change of a picture (cms.media.pictures) rewrites the public profiles of the authors showing it.
create index author_avatar_media_idx on author (avatar_media_id) where avatar_media_id is not null;
-- What readers see of each picture used as an avatar here (alt text, credit, size, rendition URLs), copied from the
-- media service when an author takes the picture and kept current from its events; updated_at is the copy's version.
create table media_picture (
    id         uuid        primary key,
    picture    text        not null,
    updated_at timestamptz not null
);
