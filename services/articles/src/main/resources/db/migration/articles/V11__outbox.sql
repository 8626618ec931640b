-- Transactional outbox: every event is written in the transaction of the change it reports and relayed to Kafka
-- afterwards, at least once, in id order (client.EventRelay); a row is deleted once Kafka has acknowledged it. The id
-- is the event's version for consumers (they keep the last one applied per key). `payload` null is a tombstone.
create table outbox_event (
    id         bigserial    primary key,
    topic      varchar(200) not null,
    event_key  varchar(200) not null,
    type       varchar(100) not null,
    payload    text,
    headers    jsonb        not null default '{}',
    created_at timestamptz  not null default now()
);
