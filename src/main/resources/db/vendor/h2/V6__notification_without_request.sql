-- A notification about no single request (the weekly SLA summary).
alter table notification alter column request_id set null;
