-- Reports keep what a month came to while its rows stay the same (ReportSegments): each rewrite of a row adds
-- one to its revision, and a month's stamp (rows, sum of ids, sum of revisions) is read from this index alone.
alter table request_report add column revision bigint default 0 not null;
create index ix_report_stamp on request_report (received_at, revision, request_id);
