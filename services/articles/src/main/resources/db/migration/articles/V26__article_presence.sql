-- Presence and soft locks (issue 20): who has an article open, per browser tab (session_id, made by the tab), and who
-- holds its edit lock (the one live row in mode EDITING). Every replica reads this table, so they all agree on the
-- holder; a row whose last_seen is older than the expiry (40 s) counts as gone, whatever a replica remembers.
-- Times are the database's clock (now()), never a replica's, so replicas with drifting clocks still agree on expiry.
create table article_presence (
    session_id uuid primary key,
    article_id uuid not null references article (id) on delete cascade,
    username text not null,
    display_name text not null,
    mode text not null check (mode in ('EDITING', 'VIEWING')),
    joined_at timestamptz not null,
    editing_since timestamptz,
    last_seen timestamptz not null,
    -- set on the row of the person whose lock was taken over: by whom and when (their tab shows it)
    taken_over_by text,
    taken_over_by_name text,
    taken_over_at timestamptz
);
create index article_presence_article on article_presence (article_id, last_seen);
-- one lock holder per article; an expired holder's row is deleted before a new one takes it (under an advisory lock)
create unique index article_presence_one_editor on article_presence (article_id) where mode = 'EDITING';
