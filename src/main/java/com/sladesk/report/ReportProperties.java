package com.sladesk.report;

import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Reports: the zone whose days and weeks they count in, the compliance percentage managers aim for, the
 * dashboard address mails link to, and the weekly SLA summary (cron in that zone, groups it is mailed to).
 */
@ConfigurationProperties("sladesk.reports")
public record ReportProperties(ZoneId zone, int complianceTarget, String dashboardUrl, WeeklySummary weeklySummary) {

    public record WeeklySummary(boolean enabled, String cron, List<String> recipients) {
    }
}
