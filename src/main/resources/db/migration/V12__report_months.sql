-- What a whole month of request_report came to, kept for every node and for the next start (ReportSegments):
-- valid while the month's stamp (rows, sum of ids, sum of revisions) is the one it was computed at. A migration
-- that rewrites request_report rows must add one to their revision, or the months kept here go stale.
create table report_month (
    segment_key     varchar(64) not null primary key,
    kind            varchar(30) not null,
    month_from      datetime(3) not null,
    month_to        datetime(3) not null,
    stamp_rows      bigint      not null,
    stamp_ids       bigint      not null,
    stamp_revisions bigint      not null,
    figures         longblob    not null,
    written_at      datetime(3) not null
);
