-- Notifications are pruned (service.NotificationRetention): read ones some weeks after they were read, unread ones
-- after a longer while. These indexes let the hourly prune find them without reading the whole table.
create index notification_read_at_idx on notification (read_at) where read_at is not null;
create index notification_unread_created_idx on notification (created_at) where read_at is null;
