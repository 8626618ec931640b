-- Related articles chosen by hand: the ids of up to 10 articles, in the editor's order, as part of the content (the
-- working copy and every revision carry them, a restore brings them back; publishing makes the live revision's the ones
-- readers get). A JSON array like secondary_section_ids (the content's other list of ids, mapped the same way) rather
-- than a child table: the list is read and written whole with the content, never queried by element. No foreign key
-- (an array cannot have one): an article deleted later simply drops out, of the editor's view (ArticleResource) and of
-- the public read (which joins only published articles, published_article).
alter table article add column related_ids jsonb not null default '[]';
alter table article_revision add column related_ids jsonb not null default '[]';
