package com.sladesk.report;

import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.sladesk.request.DeskClock;
import com.sladesk.request.RequestProcess;
import com.sladesk.sla.BusinessCalendar;
import com.sladesk.sla.BusinessCalendars;
import com.sladesk.sla.SlaClocks;
import com.sladesk.sla.SlaMetric;

/**
 * The breach risk of every running clock ({@link RiskModel}), from the desk's state now: the business time left,
 * the tasks of the request's team due earlier, the team's agents active in the last hour, and the history of
 * similar clocks and of the team's claim and handling times (read again every {@code sladesk.risk.refresh}).
 * A clock crossing {@code sladesk.risk.alert-threshold} gets one RISK event and its request's open tasks rise in
 * priority, so Tasklist's queues show it; the RISK event's unique key keeps that once also with several nodes.
 */
@Component
public class BreachRisks {

    private static final Logger log = LoggerFactory.getLogger(BreachRisks.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final BusinessCalendars calendars;
    private final RiskProperties properties;
    private final SlaClocks clocks;
    private final RequestProcess process;
    private final TransactionTemplate transactions;
    private volatile Snapshot snapshot;

    BreachRisks(NamedParameterJdbcTemplate jdbc, BusinessCalendars calendars, RiskProperties properties,
            SlaClocks clocks, RequestProcess process, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.properties = properties;
        this.clocks = clocks;
        this.process = process;
        this.transactions = transactions;
    }

    private record Snapshot(Instant readAt, RiskModel model) {
    }

    /** A running clock at risk, or past its warning: the request, the clock and why it may breach. */
    public record AtRisk(String key, String subject, String team, String priority, String tier, String agent,
            String metric, Instant warnAt, Instant dueAt, double breachRisk, String riskReason) {
    }

    /** A running clock with its risk, and where its request's process runs. */
    record Assessed(long requestId, String processInstanceId, AtRisk clock) {
    }

    public double threshold() {
        return properties.alertThreshold();
    }

    /**
     * The running clocks whose risk is at or above the threshold or whose warning has passed, the riskiest
     * first (then the soonest due), at most {@code limit}.
     */
    public List<AtRisk> atRisk(Map<Dimension, String> filters, Instant now, int limit) {
        return assess(filters, now).stream().map(Assessed::clock)
                .filter(c -> c.breachRisk() >= threshold() || !c.warnAt().isAfter(now))
                .sorted(Comparator.comparingDouble(AtRisk::breachRisk).reversed().thenComparing(AtRisk::dueAt))
                .limit(limit).toList();
    }

    @Scheduled(fixedDelayString = "${sladesk.risk.check-every}", initialDelayString = "${sladesk.risk.check-every}")
    void check() {
        if (properties.schedule()) {
            try {
                flag(DeskClock.now());
            } catch (RuntimeException e) {
                // a database away for a while: the next check looks again
                log.warn("Breach risk check skipped: {}", e.toString());
            }
        }
    }

    /**
     * Records a RISK event on every running clock at or above the threshold that has none yet, and raises its
     * request's open tasks by {@code sladesk.risk.priority-boost}; returns how many clocks it flagged.
     */
    public int flag(Instant now) {
        int flagged = 0;
        for (Assessed assessed : assess(Map.of(), now)) {
            if (assessed.clock().breachRisk() < threshold()) {
                continue;
            }
            try {
                Boolean recorded = transactions.execute(status -> {
                    if (!clocks.recordRisk(assessed.requestId(), SlaMetric.valueOf(assessed.clock().metric()), now)) {
                        return false;
                    }
                    // the acknowledgement is the outbox's work: the agents' tasks stay as they are
                    if (assessed.processInstanceId() != null
                            && !SlaMetric.ACKNOWLEDGEMENT.name().equals(assessed.clock().metric())) {
                        process.raiseTaskPriorities(assessed.processInstanceId(), properties.priorityBoost());
                    }
                    return true;
                });
                if (Boolean.TRUE.equals(recorded)) {
                    flagged++;
                    log.info("{} {} at risk of breaching ({}): {}", assessed.clock().key(), assessed.clock().metric(),
                            assessed.clock().breachRisk(), assessed.clock().riskReason());
                }
            } catch (DataIntegrityViolationException e) {
                // another node flagged the clock first
            } catch (RuntimeException e) {
                // e.g. a task completed meanwhile on another node: nothing was written, the next check tries again
                log.warn("Flagging {} {} failed, tried again in the next check: {}", assessed.clock().key(),
                        assessed.clock().metric(), e.toString());
            }
        }
        return flagged;
    }

    /** Every running clock of open requests (matching the filters) with its risk now. */
    List<Assessed> assess(Map<Dimension, String> filters, Instant now) {
        RiskModel model = model(now);
        MapSqlParameterSource parameters = new MapSqlParameterSource("now", Utc.of(now))
                .addValue("hourAgo", Utc.of(now.minus(Duration.ofHours(1))));
        filters.forEach((d, value) -> parameters.addValue("f_" + d.label(), value));

        Map<Long, Object[]> openIntervals = new HashMap<>();
        jdbc.query("select request_id, status, assignee, started_at from status_interval where ended_at is null "
                + "and started_at <= :now",
                parameters, (ResultSet rs) -> {
                    openIntervals.put(rs.getLong(1), new Object[] {rs.getString(2), rs.getString(3),
                            Utc.instant(rs, 4)});
                });
        Map<String, Integer> activeAgents = new HashMap<>();
        jdbc.query("select team, count(distinct assignee) from status_interval where assignee is not null "
                + "and team is not null and started_at <= :now and (ended_at is null or ended_at >= :hourAgo) "
                + "group by team", parameters, (ResultSet rs) -> {
                    activeAgents.put(rs.getString(1), rs.getInt(2));
                });
        Map<String, List<Instant>> dueByTeam = new HashMap<>();
        jdbc.query("select l.GROUP_ID_, t.DUE_DATE_ from ACT_RU_TASK t join ACT_RU_IDENTITYLINK l "
                + "on l.TASK_ID_ = t.ID_ where l.TYPE_ = 'candidate' and l.GROUP_ID_ is not null "
                + "and t.DUE_DATE_ is not null", parameters, (ResultSet rs) -> {
                    dueByTeam.computeIfAbsent(rs.getString(1), g -> new ArrayList<>()).add(Utc.instant(rs, 2));
                });
        Map<String, Instant[]> sortedDue = new HashMap<>();
        dueByTeam.forEach((team, due) -> sortedDue.put(team, due.stream().sorted().toArray(Instant[]::new)));

        StringBuilder sql = new StringBuilder("""
                select r.id, r.request_key, r.subject, r.team, r.priority, r.category, r.customer_tier, r.responder,
                       r.process_instance_id, c.metric, c.target, c.calendar_id, c.started_at, c.paused_seconds,
                       c.warn_at, c.due_at
                from sla_clock c join service_request r on r.id = c.request_id
                where c.state = 'RUNNING' and c.due_at > :now and c.started_at <= :now""");
        filters.keySet().forEach(d -> sql.append(" and ").append(d.column()).append(" = :f_").append(d.label()));
        List<Assessed> assessed = new ArrayList<>();
        jdbc.query(sql.toString(), parameters, (ResultSet rs) -> {
            long requestId = rs.getLong(1);
            String team = rs.getString(4);
            String metric = rs.getString(10);
            BusinessCalendar calendar;
            try {
                calendar = calendars.get(rs.getString(12));
            } catch (IllegalArgumentException removedFromTheConfiguration) {
                log.warn("{} {} runs on calendar '{}', which is no longer configured: not assessed", rs.getString(2),
                        metric, rs.getString(12));
                return;
            }
            long target = Duration.parse(rs.getString(11)).toSeconds();
            long elapsed = Math.max(0, calendar.between(Utc.instant(rs, 13), now).toSeconds() - rs.getLong(14));
            Instant dueAt = Utc.instant(rs, 16);
            Object[] interval = openIntervals.get(requestId);
            boolean claimed = interval != null && "NEW".equals(interval[0]) && interval[1] != null;
            long sinceClaim = claimed ? calendar.between((Instant) interval[2], now).toSeconds() : 0;
            int earlier = countBefore(sortedDue.getOrDefault(team, new Instant[0]), dueAt);
            RiskModel.Risk risk = model.of(new RiskModel.Clock(metric, team, rs.getString(5), rs.getString(6),
                    elapsed, target, claimed, sinceClaim, earlier, activeAgents.getOrDefault(team, 0)));
            assessed.add(new Assessed(requestId, rs.getString(9), new AtRisk(rs.getString(2), rs.getString(3), team,
                    rs.getString(5), rs.getString(7), rs.getString(8), metric, Utc.instant(rs, 15), dueAt,
                    risk.probability(), risk.reason())));
        });
        return assessed;
    }

    /** How many of the sorted instants lie before {@code at}. */
    static int countBefore(Instant[] sorted, Instant at) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid].isBefore(at)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The model of the history up to {@code now}; read again once older than {@code sladesk.risk.refresh}. */
    RiskModel model(Instant now) {
        Snapshot current = snapshot;
        if (current == null || Duration.between(current.readAt(), now).abs().compareTo(properties.refresh()) > 0) {
            current = new Snapshot(now, read(jdbc, now.minus(properties.history()), now));
            snapshot = current;
        }
        return current.model();
    }

    /** Forgets the history read, so that the next assessment reads it again. */
    void forget() {
        snapshot = null;
    }

    /**
     * The history in [since, until): business seconds of the stopped clocks of requests received then, and of the
     * claim waits and handling times (NEW without and with an assignee) that ended then.
     */
    static RiskModel read(NamedParameterJdbcTemplate jdbc, Instant since, Instant until) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("since", Utc.of(since))
                .addValue("until", Utc.of(until));
        Map<List<String>, SlaReports.Samples> stopped = new HashMap<>();
        String[] metrics = {"FIRST_RESPONSE", "EXPERT_RESPONSE", "RESOLUTION", "ACKNOWLEDGEMENT", "FOLLOW_UP"};
        jdbc.query("select r.team, r.priority, r.category, r.frt_seconds, r.ert_seconds, r.ttr_seconds, "
                + "r.ack_seconds, r.fu_seconds from request_report r where r.received_at >= :since "
                + "and r.received_at < :until", parameters,
                (ResultSet rs) -> {
                    for (int m = 0; m < metrics.length; m++) {
                        long seconds = rs.getLong(4 + m);
                        if (!rs.wasNull()) {
                            stopped.computeIfAbsent(Arrays.asList(metrics[m], rs.getString(1), rs.getString(2),
                                    rs.getString(3)), k -> new SlaReports.Samples()).add(seconds);
                        }
                    }
                });
        Map<List<String>, SlaReports.Samples> waits = new HashMap<>();
        Map<List<String>, SlaReports.Samples> handling = new HashMap<>();
        jdbc.query("select s.team, r.priority, r.category, s.assignee, s.business_seconds from status_interval s "
                + "join request_report r on r.request_id = s.request_id where s.ended_at >= :since "
                + "and s.ended_at < :until and s.status = 'NEW' and s.business_seconds is not null "
                + "and s.team is not null", parameters, (ResultSet rs) -> {
                    (rs.getString(4) == null ? waits : handling).computeIfAbsent(Arrays.asList(rs.getString(1),
                            rs.getString(2), rs.getString(3)), t -> new SlaReports.Samples()).add(rs.getLong(5));
                });
        return RiskModel.fromSamples(stopped, waits, handling);
    }
}
