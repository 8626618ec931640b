-- Search at 100,000 articles (issue 19: p99 <= 50 ms uncached). Two costs dominated: reading (detoasting) the whole
-- text vector of each candidate to test and rank it, and reading the table row of every match of a common word to
-- find the newest ones.
-- 1. title_vector: the headline (weight A) and dek (weight B) only, a few hundred bytes kept in the row: candidates are
--    ranked on it, so no article's full text vector is read to rank it (matching still uses the full text, by index).
-- 2. A GIN index over (search_vector, published_at) (btree_gin, a trusted extension that ships with PostgreSQL: a
--    database owner may create it): "matches published since t" is answered inside the index, so finding the newest
--    matches of a common word reads only the rows of a recent window, not every match. It also answers plain matching,
--    so the single-column index goes.
create extension if not exists btree_gin;
alter table published_article add column title_vector tsvector not null default '';
update published_article set title_vector = setweight(to_tsvector('english', coalesce(item::jsonb ->> 'headline', '')), 'A')
    || setweight(to_tsvector('english', coalesce(item::jsonb ->> 'dek', '')), 'B');
create index published_article_search_recent_idx on published_article using gin (search_vector, published_at);
drop index published_article_search_idx;
