-- Issue 20, assignments and notifications.
-- The people this service has seen, learned from their tokens (it has no other list of users with their roles: the
-- authors service knows profiles, not roles, and Keycloak's admin API would need a privileged secret). An assignee or
-- an @mention must be someone here; a person appears on their first request (the editor app's bell asks at sign-in).
create table known_user (
    username  text primary key,
    writer    boolean not null default false,
    editor    boolean not null default false,
    curator   boolean not null default false,
    admin     boolean not null default false,
    last_seen timestamptz not null
);
create index known_user_reviewers_idx on known_user (last_seen desc) where editor;

-- Who reviews an article next. A row per article ever assigned; assignee null when unassigned. The assignment has its
-- own version (If-Match of PUT/DELETE /articles/{id}/assignee), so assigning never makes someone's open editor stale.
create table article_assignment (
    article_id  uuid primary key references article (id) on delete cascade,
    assignee    text,
    note        text,
    assigned_by text,
    assigned_at timestamptz,
    version     bigint not null default 0
);
create index article_assignment_assignee_idx on article_assignment (assignee) where assignee is not null;

-- In-app notifications, written in the transaction of the change that causes them. They carry the headline, the type,
-- the actor and the article's id: nothing the recipient could not read in the article itself.
create table notification (
    id         uuid primary key,
    recipient  text not null,
    type       text not null,
    article_id uuid references article (id) on delete cascade,
    actor      text not null,
    text       text not null,
    created_at timestamptz not null,
    read_at    timestamptz
);
create index notification_recipient_idx on notification (recipient, created_at desc, id desc);
create index notification_unread_idx on notification (recipient) where read_at is null;
create index notification_article_idx on notification (article_id);
