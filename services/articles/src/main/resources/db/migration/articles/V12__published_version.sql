-- The id of the outbox event that wrote the row (published-articles topic): the version of what readers get.
-- The public article answers carry it (CMS-Version), so a gateway that already serves a newer answer does not let a
-- late event put an older one back. 0: written before this column.
alter table published_article add column version bigint not null default 0;
