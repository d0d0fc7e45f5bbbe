package com.sladesk.report;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.sladesk.notify.Notification;
import com.sladesk.notify.Outbox;
import com.sladesk.notify.Recipient;
import com.sladesk.request.DeskClock;

/**
 * The weekly SLA summary of the last full week (Monday to Sunday in the report zone), by team: stored once per
 * week (the unique key decides between nodes) and mailed to the configured groups through the outbox.
 */
@Component
public class WeeklySlaSummary {

    static final String KIND = "WEEKLY_SLA";

    public record Summary(long id, Instant periodFrom, Instant periodTo, String subject, String body,
            Instant createdAt) {
    }

    private final SlaReports reports;
    private final Outbox outbox;
    private final JdbcTemplate jdbc;
    private final ReportProperties properties;
    private final TransactionTemplate transaction;

    WeeklySlaSummary(SlaReports reports, Outbox outbox, JdbcTemplate jdbc, ReportProperties properties,
            PlatformTransactionManager transactions) {
        this.reports = reports;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(cron = "${sladesk.reports.weekly-summary.cron}", zone = "${sladesk.reports.zone}")
    void onSchedule() {
        if (properties.weeklySummary().enabled()) {
            summarise(DeskClock.now());
        }
    }

    /**
     * The summary of the week before {@code now}'s week; written and put in the outbox in one transaction by
     * the first caller only.
     */
    public Summary summarise(Instant now) {
        return transaction.execute(status -> write(now));
    }

    private Summary write(Instant now) {
        LocalDate monday = LocalDate.ofInstant(now, reports.zone()).with(TemporalAdjusters.previousOrSame(
                DayOfWeek.MONDAY));
        Instant from = monday.minusWeeks(1).atStartOfDay(reports.zone()).toInstant();
        Instant to = monday.atStartOfDay(reports.zone()).toInstant();
        SlaReport report = reports.sla(new ReportScope(from, to, List.of(Dimension.TEAM), Map.of()));
        String subject = "SLA summary %s – %s".formatted(monday.minusWeeks(1), monday.minusDays(1));
        String body = text(report, monday);
        try {
            jdbc.update("insert into report_summary (kind, period_from, period_to, subject, body, created_at)"
                    + " values (?, ?, ?, ?, ?, ?)", KIND, Utc.of(from), Utc.of(to), subject, body, Utc.of(now));
        } catch (DuplicateKeyException anotherNodeWroteIt) {
            return find(from).orElseThrow();
        }
        for (String group : properties.weeklySummary().recipients()) {
            outbox.toStaff(Notification.Kind.SLA_SUMMARY, Recipient.group(group), subject, body,
                    "sla-summary:" + monday.minusWeeks(1) + ":" + group, now);
        }
        return find(from).orElseThrow();
    }

    public List<Summary> all() {
        return jdbc.query("select * from report_summary where kind = ? order by period_from desc",
                (rs, n) -> summary(rs), KIND);
    }

    public Optional<Summary> byId(long id) {
        return jdbc.query("select * from report_summary where id = ?", (rs, n) -> summary(rs), id).stream()
                .findFirst();
    }

    private Optional<Summary> find(Instant from) {
        return jdbc.query("select * from report_summary where kind = ? and period_from = ?", (rs, n) -> summary(rs),
                KIND, Utc.of(from)).stream().findFirst();
    }

    private static Summary summary(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Summary(rs.getLong("id"), Utc.instant(rs, "period_from"),
                Utc.instant(rs, "period_to"), rs.getString("subject"), rs.getString("body"),
                Utc.instant(rs, "created_at"));
    }

    private String text(SlaReport report, LocalDate monday) {
        StringBuilder text = new StringBuilder();
        text.append("SLA summary for the week of ").append(monday.minusWeeks(1)).append(" (")
                .append(reports.zone()).append(")\n\n");
        line(text, "All teams", report.total());
        text.append('\n');
        report.rows().forEach(row -> line(text, String.valueOf(row.group().get("team")), row));
        report.rows().stream().filter(row -> row.breaches() > 0)
                .max(Comparator.comparingLong(SlaReport.Row::breaches))
                .ifPresent(row -> text.append("\nMost breaches: ").append(row.group().get("team")).append(" (")
                        .append(row.breaches()).append(")\n"));
        text.append("\nDashboard: ").append(properties.dashboardUrl()).append("?from=").append(monday.minusWeeks(1))
                .append("&to=").append(monday.minusDays(1)).append('\n');
        return text.length() > 8000 ? text.substring(0, 7990) + "\n…" : text.toString();
    }

    private static void line(StringBuilder text, String name, SlaReport.Row row) {
        text.append(("%s: %d requests; acknowledgement %s met; first response %s met; resolution %s met;"
                + " follow-up %s met; median first response %s, median resolution %s; %d breaches, %d open and"
                + " breached%n").formatted(name, row.requests(), percent(row.acknowledgement()),
                percent(row.firstResponse()), percent(row.resolution()), percent(row.followUp()),
                duration(row.firstResponseTime().medianSeconds()), duration(row.timeToResolution().medianSeconds()),
                row.breaches(), row.openBreached()));
    }

    private static String percent(SlaReport.Compliance compliance) {
        return compliance.percent() == null ? "–" : compliance.percent() + "%";
    }

    private static String duration(Double seconds) {
        if (seconds == null) {
            return "–";
        }
        Duration d = Duration.ofSeconds(Math.round(seconds));
        return d.toHours() > 0 ? "%dh %02dm".formatted(d.toHours(), d.toMinutesPart()) : d.toMinutes() + "m";
    }
}
