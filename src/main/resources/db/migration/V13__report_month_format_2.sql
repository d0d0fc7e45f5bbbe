-- Kept months are now written in format 2 (ReportSegments.FORMAT: numbers in as few bytes as they need, a group
-- written once). Rows of format 1 would never be read again; they go, and each month is worked out anew.
delete from report_month;
