-- Other services keep copies of authors' public names (the articles service, for bylines in lists) and page through
-- the profiles changed since a point in time: GET /authors/public/changes, a keyset over (updated_at, id).
create index author_changes_idx on author (updated_at, id);
