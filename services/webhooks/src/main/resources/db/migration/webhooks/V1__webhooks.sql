-- Registered receivers (the admin API's resource). The secret signs deliveries (Standard Webhooks, whsec_...).
create table webhook_endpoint (
    id              uuid primary key,
    url             varchar(2048) not null,
    description     varchar(500),
    events          text[]        not null,
    kind            varchar(20)   not null,
    secret          varchar(100)  not null,
    enabled         boolean       not null,
    disabled_at     timestamptz,
    disabled_reason varchar(1000),
    created_at      timestamptz   not null,
    created_by      varchar(200)  not null,
    updated_at      timestamptz   not null,
    version         bigint        not null
);

-- What the delivery worker learns about each endpoint; written by it alone (and reset when an admin re-enables).
create table webhook_endpoint_health (
    endpoint_id      uuid primary key references webhook_endpoint (id) on delete cascade,
    last_attempt_at  timestamptz,
    last_status_code integer,
    last_error       varchar(500),
    last_success_at  timestamptz,
    -- the first failed attempt since the last success: the failure streak that disables the endpoint after a while
    failing_since    timestamptz,
    failed_attempts  integer not null default 0,
    delivered        bigint  not null default 0,
    failed           bigint  not null default 0
);

-- One message to one endpoint. message_id is the webhook-id receivers see (the same on every attempt); a Kafka record
-- that comes again finds its row (unique per endpoint) and adds nothing.
create table webhook_delivery (
    id               bigserial primary key,
    endpoint_id      uuid          not null references webhook_endpoint (id) on delete cascade,
    message_id       varchar(200)  not null,
    event_type       varchar(100)  not null,
    payload          text          not null,
    surrogate_keys   text,
    status           varchar(20)   not null,
    attempts         integer       not null default 0,
    last_status_code integer,
    last_duration_ms bigint,
    last_error       varchar(500),
    next_attempt_at  timestamptz,
    created_at       timestamptz   not null,
    delivered_at     timestamptz,
    constraint webhook_delivery_message unique (endpoint_id, message_id),
    constraint webhook_delivery_status check (status in ('pending', 'retrying', 'delivered', 'failed'))
);

-- the worker's question: what is due, per endpoint, oldest first
create index webhook_delivery_due on webhook_delivery (endpoint_id, next_attempt_at) where status in ('pending', 'retrying');
create index webhook_delivery_due_at on webhook_delivery (next_attempt_at) where status in ('pending', 'retrying');
-- an endpoint's deliveries, newest first (the admin API's list)
create index webhook_delivery_by_endpoint on webhook_delivery (endpoint_id, id desc);
-- the cleanup's question
create index webhook_delivery_done on webhook_delivery (coalesce(delivered_at, created_at)) where status in ('delivered', 'failed');
