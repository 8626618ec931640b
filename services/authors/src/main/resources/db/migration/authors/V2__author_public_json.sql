-- The public projection ("About the Author") as stored JSON, written with every change of the profile, so a public
-- read is one indexed lookup with no Markdown rendering. public_format is the version of that JSON (and of the
-- sanitizer policy); rows of an older format, or none yet, are rewritten when the service starts.
alter table author add column public_json text;
alter table author add column public_format integer not null default 0;
