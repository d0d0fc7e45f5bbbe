-- Outbox delivery: when a row may be tried again, and until when a node holds it.
alter table notification add column next_attempt_at datetime(3);
alter table notification add column claimed_until datetime(3);
create index ix_notification_due on notification (status, next_attempt_at);
