package com.sladesk.report;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.sladesk.sla.BusinessCalendars;

/** The report queries are plain classes over JDBC, so the benchmark runs exactly them without Spring. */
@Configuration
@EnableConfigurationProperties({ReportProperties.class, RiskProperties.class})
class ReportConfiguration {

    @Bean
    ReportSegments reportSegments(NamedParameterJdbcTemplate jdbc, ReportProperties properties) {
        return new ReportSegments(jdbc, properties.zone(), ReportSegments.MAX_BYTES);
    }

    @Bean
    SlaReports slaReports(NamedParameterJdbcTemplate jdbc, ReportProperties properties, ReportSegments segments) {
        return new SlaReports(jdbc, properties.zone(), segments);
    }

    @Bean
    BreachCauses breachCauses(NamedParameterJdbcTemplate jdbc, BusinessCalendars calendars,
            ReportSegments segments) {
        return new BreachCauses(jdbc, calendars::get, calendars.version(), segments);
    }

    @Bean
    Workload workload(NamedParameterJdbcTemplate jdbc) {
        return new Workload(jdbc.getJdbcTemplate());
    }
}
