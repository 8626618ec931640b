-- The read model stores exactly what readers get (format 2): `document` is the article page as the public API sends it
-- (sanitized HTML, no Markdown body, no byline; the authors' public profiles and `authorsDegraded` included) and the
-- new `item` the list item as readers get it (the authors' {id, slug, displayName}, no byline). `summary` stays the
-- curation service's item (with the byline ids). `authors` and `profiles` now only record which copies of the
-- authors (byline_author) the stored JSON was written from, so an author's change finds the rows to rewrite.
-- Rows of format 1 are rewritten from the live revision when the service starts.
alter table published_article add column item text;
