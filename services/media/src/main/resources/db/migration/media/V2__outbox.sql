-- Transactional outbox (libs/outbox): every change of what readers see of a picture (alt text, caption, credit, focal
-- point, and its deletion) appends its event in the same transaction; the relay (client.EventRelay) sends it to Kafka
-- (cms.media.pictures, compacted by media id) at least once, in id order, and deletes the row once acknowledged. The
-- id is the event's version; `payload` null is a tombstone (a deleted picture).
create table outbox_event (
    id         bigserial    primary key,
    topic      varchar(200) not null,
    event_key  varchar(200) not null,
    type       varchar(100) not null,
    payload    text,
    headers    jsonb        not null default '{}',
    created_at timestamptz  not null default now()
);
