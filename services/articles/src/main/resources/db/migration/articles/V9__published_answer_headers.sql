-- What the public read sends besides the stored bytes, worked out when the row is written (format 3) rather than on
-- every read: the document's strong ETag (its SHA-256, as ContentTags makes it) and whether its author box is
-- incomplete (sent as `Warning: 110`, so the gateway does not parse the document to find out).
alter table published_article add column etag text, add column authors_degraded boolean not null default false;
