-- The two ends of the service chain as clocks (ACKNOWLEDGEMENT, FOLLOW_UP): why an event happened where the
-- desk knows more than the clock (an acknowledgement not delivered), and the two clocks' outcomes in the
-- report row of each request.
alter table sla_event add column reason varchar(500);

alter table request_report add column ack_state varchar(20);
alter table request_report add column ack_breached boolean default false not null;
alter table request_report add column ack_seconds bigint;
alter table request_report add column ack_level int default 0 not null;
alter table request_report add column fu_state varchar(20);
alter table request_report add column fu_breached boolean default false not null;
alter table request_report add column fu_seconds bigint;
alter table request_report add column fu_level int default 0 not null;
