-- When what readers see of an article last changed (its last publish: the public JSON's `updatedAt`), as a column, so
-- the public list can be sorted by it (`sort=updated`, walking the new index in order with a limit, like the newest-first
-- index) and the sitemap pages read slug + last change without parsing the stored JSON. Rows of earlier versions take it
-- from their stored list item; a row written by a replica that does not know the column yet gets the time of its write,
-- which is its publish (it is written in the transaction that publishes).
alter table published_article add column updated_at timestamptz not null default now();
update published_article set updated_at = coalesce((item::jsonb ->> 'updatedAt')::timestamptz, published_at) where item is not null;
update published_article set updated_at = published_at where item is null;
create index published_article_updated_idx on published_article (updated_at desc, article_id desc);
