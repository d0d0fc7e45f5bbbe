package com.sladesk.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The SLA report as CSV: one line per group, then the total; durations in business seconds. */
final class SlaReportCsv {

    private static final String HEADER = "requests,frt_met,frt_breached,frt_compliance_pct,ert_met,ert_breached,"
            + "ert_compliance_pct,ttr_met,ttr_breached,ttr_compliance_pct,frt_avg_s,frt_median_s,frt_p90_s,"
            + "ttr_avg_s,ttr_median_s,ttr_p90_s,breaches,breached_requests,"
            + "escalations_l1,escalations_l2,escalations_l3,escalations_l4,escalations_l5,open_breached,"
            + "ack_met,ack_breached,ack_compliance_pct,fu_met,fu_breached,fu_compliance_pct,"
            + "ack_avg_s,ack_median_s,ack_p90_s,fu_avg_s,fu_median_s,fu_p90_s";

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
        compliance(cells, List.of(row.firstResponse(), row.expertResponse(), row.resolution()));
        times(cells, List.of(row.firstResponseTime(), row.timeToResolution()));
        cells.add(row.breaches());
        cells.add(row.breachedRequests());
        for (int level = 1; level <= SlaReports.MAX_LEVEL; level++) {
            cells.add(row.escalationsByLevel().getOrDefault(level, 0L));
        }
        cells.add(row.openBreached());
        // the acknowledgement and follow-up clocks came later: their columns follow, so older readers still fit
        compliance(cells, List.of(row.acknowledgement(), row.followUp()));
        times(cells, List.of(row.acknowledgementTime(), row.followUpTime()));
        csv.append(cells.stream().map(SlaReportCsv::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    private static void compliance(List<Object> cells, List<SlaReport.Compliance> clocks) {
        for (SlaReport.Compliance c : clocks) {
            cells.add(c.met());
            cells.add(c.breached());
            cells.add(c.percent());
        }
    }

    private static void times(List<Object> cells, List<SlaReport.Times> clocks) {
        for (SlaReport.Times t : clocks) {
            cells.add(t.averageSeconds());
            cells.add(t.medianSeconds());
            cells.add(t.p90Seconds());
        }
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
