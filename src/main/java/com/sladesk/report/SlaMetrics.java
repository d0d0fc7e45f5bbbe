package com.sladesk.report;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.sladesk.request.RequestStatus;
import com.sladesk.sla.SlaClockStopped;
import com.sladesk.sla.SlaEvent;
import com.sladesk.sla.SlaEventRecorded;
import com.sladesk.sla.SlaMetric;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Metrics for Prometheus: requests by status (counted in the database, so every node reports the same),
 * warnings, breaches and escalations by metric and team, and first response and resolution times (business
 * time) as histograms; the last two are counted by the node that committed them.
 */
@Component
class SlaMetrics {

    private static final Duration STATUS_CACHE = Duration.ofSeconds(10);

    private final MeterRegistry registry;
    private final JdbcTemplate jdbc;
    private final Map<RequestStatus, Long> byStatus = new EnumMap<>(RequestStatus.class);
    private Instant countedAt = Instant.EPOCH;

    SlaMetrics(MeterRegistry registry, JdbcTemplate jdbc) {
        this.registry = registry;
        this.jdbc = jdbc;
        for (RequestStatus status : RequestStatus.values()) {
            Gauge.builder("sladesk.requests", () -> count(status)).description("Requests by status")
                    .tag("status", status.name()).register(registry);
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SlaEventRecorded event) {
        if (event.type() == SlaEvent.Type.WARNING || event.type() == SlaEvent.Type.BREACHED
                || event.type() == SlaEvent.Type.ESCALATED) {
            Counter.builder("sladesk.sla.events").description("SLA warnings, breaches and escalations")
                    .tag("type", event.type().name().toLowerCase(Locale.ROOT)).tag("metric", event.metric().name())
                    .tag("team", String.valueOf(event.team()))
                    .tag("level", event.type() == SlaEvent.Type.ESCALATED ? String.valueOf(event.level()) : "")
                    .register(registry).increment();
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SlaClockStopped stopped) {
        String name = switch (stopped.metric()) {
            case FIRST_RESPONSE -> "sladesk.first.response.time";
            case RESOLUTION -> "sladesk.resolution.time";
            case EXPERT_RESPONSE -> "sladesk.expert.response.time";
            case ACKNOWLEDGEMENT -> "sladesk.acknowledgement.time";
            case FOLLOW_UP -> "sladesk.follow.up.time";
        };
        Timer.builder(name).description("Business time from start to stop of the " + stopped.metric() + " clock")
                .tag("team", String.valueOf(stopped.team())).tag("breached", String.valueOf(stopped.breached()))
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMinutes(1))
                .maximumExpectedValue(Duration.ofDays(30)).register(registry).record(stopped.elapsed());
    }

    private synchronized long count(RequestStatus status) {
        Instant now = Instant.now();
        if (Duration.between(countedAt, now).compareTo(STATUS_CACHE) > 0) {
            byStatus.clear();
            jdbc.query("select status, count(*) from service_request group by status",
                    rs -> {
                        byStatus.put(RequestStatus.valueOf(rs.getString(1)), rs.getLong(2));
                    });
            countedAt = now;
        }
        return byStatus.getOrDefault(status, 0L);
    }
}
