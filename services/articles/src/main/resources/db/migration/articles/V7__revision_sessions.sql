-- Autosaves of one person fold into the working revision while they keep typing (an editing session): a revision
-- now spans created_at..updated_at and counts its saves. Old revisions were one save each.
alter table article_revision add column updated_at timestamptz;
update article_revision set updated_at = created_at;
alter table article_revision alter column updated_at set not null;
alter table article_revision add column saves integer not null default 1;

-- The working revision that still takes saves, or null: the next save starts a new revision. Every workflow step
-- and every restore closes it; existing articles start closed.
alter table article add column open_revision integer;

-- True while a DRAFT's latest workflow step was request_changes (the writers' "changes requested" queue), kept by
-- the transitions; content events and unpublishing a draft's live copy do not change it.
alter table article add column changes_requested boolean not null default false;
update article a set changes_requested = true
where a.status = 'DRAFT'
  and (select e.action from workflow_event e
       where e.article_id = a.id
         and e.action not in ('edit', 'restore', 'unpublish', 'schedule_unpublish', 'scheduled_unpublish')
       order by e.at desc limit 1) = 'request_changes';
create index article_changes_requested_idx on article (updated_at desc) where changes_requested;
