-- A notification about no single request (the weekly SLA summary).
alter table notification modify request_id bigint null;
