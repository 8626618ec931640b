-- An embargo holds an article back until a time: it cannot be published before, and only the people and roles it
-- names (besides its owner and admins) can open it meanwhile. A setting of the article, not of its content: no
-- revision carries it, a restore does not bring an old one back. Once the time has passed the columns still say what
-- the last embargo was, but nothing reads them as one (every check compares embargo_until with the time).
-- embargo_users and embargo_roles are JSON arrays of user names and realm roles, like the content's tags.
alter table article add column embargo_until timestamptz;
alter table article add column embargo_users jsonb;
alter table article add column embargo_roles jsonb;
alter table article add column embargo_set_by text;
alter table article add column embargo_set_at timestamptz;
