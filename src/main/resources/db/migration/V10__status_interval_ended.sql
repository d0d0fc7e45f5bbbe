-- Breach risk reads the status intervals still open (the claimed first responses) and those ended in the history
-- window (claim waits and handling times) by their end instant.
create index ix_interval_ended on status_interval (ended_at);
