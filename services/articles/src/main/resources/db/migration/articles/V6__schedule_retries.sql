-- A scheduled publish or unpublish that failed is retried with backoff, on its own: it never holds back the others.
alter table article add column schedule_failures integer not null default 0;
alter table article add column schedule_retry_at timestamptz;
