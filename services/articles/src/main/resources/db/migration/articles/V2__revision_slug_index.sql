-- The public by-slug lookup matches the live revision's slug; without this it scanned every revision.
create index article_revision_slug_idx on article_revision (slug);
