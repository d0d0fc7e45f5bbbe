package com.sladesk.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The SLA report as CSV: one line per group, then the total; durations in business seconds. */
final class SlaReportCsv {

    private static final String HEADER = "requests,frt_met,frt_breached,frt_compliance_pct,ert_met,ert_breached,"
            + "ert_compliance_pct,ttr_met,ttr_breached,ttr_compliance_pct,frt_avg_s,frt_median_s,frt_p90_s,"
            + "ttr_avg_s,ttr_median_s,ttr_p90_s,breaches,breached_requests,"
            + "escalations_l1,escalations_l2,escalations_l3,escalations_l4,escalations_l5,open_breached";

    private SlaReportCsv() {
    }

    static String of(SlaReport report) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(report.groupBy());
        header.add(HEADER);
        csv.append(String.join(",", header)).append("\r\n");
        report.rows().forEach(row -> line(csv, row.group().values().stream().toList(), row));
        List<String> total = new ArrayList<>();
        report.groupBy().forEach(g -> total.add(total.isEmpty() ? "TOTAL" : ""));
        line(csv, total, report.total());
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<String> group, SlaReport.Row row) {
        List<Object> cells = new ArrayList<>(group);
        cells.add(row.requests());
        for (SlaReport.Compliance c : List.of(row.firstResponse(), row.expertResponse(), row.resolution())) {
            cells.add(c.met());
            cells.add(c.breached());
            cells.add(c.percent());
        }
        for (SlaReport.Times t : List.of(row.firstResponseTime(), row.timeToResolution())) {
            cells.add(t.averageSeconds());
            cells.add(t.medianSeconds());
            cells.add(t.p90Seconds());
        }
        cells.add(row.breaches());
        cells.add(row.breachedRequests());
        for (int level = 1; level <= SlaReports.MAX_LEVEL; level++) {
            cells.add(row.escalationsByLevel().getOrDefault(level, 0L));
        }
        cells.add(row.openBreached());
        csv.append(cells.stream().map(SlaReportCsv::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    /** Quotes text; a leading =, +, -, @ or control character is defused so spreadsheets do not run a formula. */
    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (!(value instanceof String text)) {
            return value.toString();
        }
        String safe = !text.isEmpty() && "=+-@\t\r\n".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
