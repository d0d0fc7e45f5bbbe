package com.sladesk.report;

import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Reports: the zone whose days and weeks they count in, the compliance percentage managers aim for, the
 * dashboard address mails link to, the weekly SLA summary (cron in that zone, groups it is mailed to), and how
 * many ended months the node works out ahead of reports (after it starts, and on the cron in that zone).
 */
@ConfigurationProperties("sladesk.reports")
public record ReportProperties(ZoneId zone, int complianceTarget, String dashboardUrl, WeeklySummary weeklySummary,
        PreparedMonths preparedMonths) {

    public record WeeklySummary(boolean enabled, String cron, List<String> recipients) {
    }

    public record PreparedMonths(boolean enabled, int count, String cron) {
    }
}
