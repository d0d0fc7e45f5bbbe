package com.sladesk.report;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.sladesk.request.InvalidRequestException;
import com.sladesk.request.DeskClock;

/** SLA reports, trends, breach causes, workload and requests about to breach: managers, directors, admins. */
@RestController
class ReportController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final SlaReports reports;
    private final BreachCauses causes;
    private final Workload workload;
    private final WeeklySlaSummary summaries;
    private final BreachRisks risks;

    ReportController(SlaReports reports, BreachCauses causes, Workload workload, WeeklySlaSummary summaries,
            BreachRisks risks) {
        this.reports = reports;
        this.causes = causes;
        this.workload = workload;
        this.summaries = summaries;
        this.risks = risks;
    }

    @GetMapping("/api/reports/sla")
    ResponseEntity<?> sla(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String groupBy, @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestParam Map<String, String> parameters) {
        SlaReport report = reports.sla(scope(from, to, groupBy, 2, parameters));
        boolean csv = "csv".equalsIgnoreCase(format) || (format == null && accept != null
                && accept.toLowerCase(Locale.ROOT).contains("text/csv"));
        if (csv) {
            return ResponseEntity.ok().contentType(TEXT_CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"sla-report.csv\"")
                    .body(SlaReportCsv.of(report));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    @GetMapping("/api/reports/trend")
    List<SlaReports.TrendPoint> trend(@RequestParam(defaultValue = "frt") String metric,
            @RequestParam(defaultValue = "day") String interval, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String groupBy,
            @RequestParam Map<String, String> parameters) {
        return reports.trend(scope(from, to, groupBy, 1, parameters),
                parse("metric", metric, SlaReports.TrendMetric.class), parse("interval", interval,
                        SlaReports.Interval.class));
    }

    @GetMapping("/api/reports/breach-causes")
    BreachCauses.Report breachCauses(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "team,category") String groupBy,
            @RequestParam Map<String, String> parameters) {
        return causes.of(scope(from, to, groupBy, 2, parameters), DeskClock.now());
    }

    @GetMapping("/api/reports/workload")
    Workload.Report workload() {
        return workload.now();
    }

    @GetMapping("/api/reports/at-risk")
    List<BreachRisks.AtRisk> atRisk(@RequestParam Map<String, String> parameters) {
        return risks.atRisk(ReportScope.filters(parameters), DeskClock.now(), 100);
    }

    @GetMapping("/api/reports/summaries")
    List<WeeklySlaSummary.Summary> summaries() {
        return summaries.all();
    }

    @GetMapping("/api/reports/summaries/{id}")
    WeeklySlaSummary.Summary summary(@PathVariable long id) {
        return summaries.byId(id).orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No summary " + id), null));
    }

    private ReportScope scope(String from, String to, String groupBy, int maxGroups, Map<String, String> parameters) {
        return ReportScope.parse(from, to, groupBy, maxGroups, ReportScope.filters(parameters), reports.zone(),
                DeskClock.now());
    }

    private static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, "unknown value '" + value + "', expected one of "
                    + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }
}
