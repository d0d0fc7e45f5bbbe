package com.sladesk.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.sladesk.request.InvalidRequestException;
import com.sladesk.request.ServiceRequest;
import com.sladesk.sla.BusinessCalendar;
import com.sladesk.sla.BusinessCalendars;

/**
 * What-if: the requests received in a period counted as the SLA report counts them, and again under a candidate
 * SlaTargets table. Each clock's target comes from the candidate for the request's inputs as they are now (after
 * reclassifications). A clock whose candidate target equals the target it ran with keeps its state; any other is
 * judged as the clock judges itself: a stopped clock breached when it stopped after the instant the candidate
 * target would have made it due (its start plus the target and the time paused, on its own calendar), a running
 * one when its business time so far exceeds the candidate target. Nothing is deployed or written. The period is
 * read a month at a time, so memory and each query stay bounded.
 */
@Component
public class Simulations {

    /** The clocks a table gives targets for, in the order of the first three outputs. */
    static final List<String> METRICS = List.of("FIRST_RESPONSE", "RESOLUTION", "EXPERT_RESPONSE");
    static final int DEFAULT_FLIPS = 10_000;
    static final int MAX_FLIPS = 100_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final Function<String, BusinessCalendar> calendars;
    private final ReportSegments segments;

    @Autowired
    Simulations(NamedParameterJdbcTemplate jdbc, BusinessCalendars calendars, ReportSegments segments) {
        this(jdbc, calendars::get, segments);
    }

    Simulations(NamedParameterJdbcTemplate jdbc, Function<String, BusinessCalendar> calendars,
            ReportSegments segments) {
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.segments = segments;
    }

    /** A clock's state as the simulation counts it: RUNNING ones count in neither met nor breached. */
    public enum Outcome {
        MET, BREACHED, RUNNING
    }

    /** A table's figures: per group and in total, shaped as the SLA report's. */
    public record Figures(List<Group> groups, Group total) {
    }

    /** A group's requests, compliance per clock, breached clocks and requests with a breached clock. */
    public record Group(Map<String, String> group, long requests, SlaReport.Compliance firstResponse,
            SlaReport.Compliance expertResponse, SlaReport.Compliance resolution, long breaches,
            long breachedRequests) {
    }

    /**
     * A clock whose state differs under the candidate: its business time, both targets and the instant the
     * candidate would have made it due (null on a calendar the desk no longer has).
     */
    public record Flip(String key, String metric, Outcome current, Outcome candidate, long elapsedSeconds,
            Duration currentTarget, Duration candidateTarget, Instant candidateDueAt) {
    }

    /**
     * The comparison. {@code flipped} lists the first {@code flipLimit} flips by arrival, {@code flippedCount} all
     * of them. {@code calendarChanges} counts clocks for which the candidate names another calendar than the one
     * the clock ran on: they are judged on their own calendar.
     */
    public record Result(Instant from, Instant to, List<String> groupBy, String candidateTable, Figures current,
            Figures candidate, List<Flip> flipped, long flippedCount, long clocks, long calendarChanges) {
    }

    /** Compares the requests received in the scope's period as they are with the candidate's targets. */
    public Result simulate(ReportScope scope, CandidateTables.Table candidate, Instant now, int flipLimit) {
        Run run = new Run(scope, candidate, now, flipLimit);
        String groups = SlaReports.groupColumns(scope.groupBy());
        for (ReportScope month : segments.months(scope)) {
            String sql = "select r.request_id, r.customer_tier, r.priority, r.category, r.channel, c.metric, c.target,"
                    + " c.calendar_id, c.started_at, c.paused_at, c.paused_seconds, c.elapsed_seconds,"
                    + " c.ever_breached, c.stopped_at" + (groups.isEmpty() ? "" : ", " + groups)
                    + " from request_report r join sla_clock c on c.request_id = r.request_id"
                    + SlaReports.where(month) + " order by r.received_at, r.request_id";
            jdbc.query(sql, SlaReports.parameters(month), (ResultSet rs) -> {
                run.row(rs);
            });
            run.finish();
        }
        return new Result(scope.from(), scope.to(), scope.groupBy().stream().map(Dimension::label).toList(),
                candidate.name(), run.figures(0), run.figures(1), run.flipped, run.flippedCount, run.clocks,
                run.calendarChanges);
    }

    /** One simulation's running sums, fed one clock row at a time in request order. */
    private final class Run {

        private static final int GROUP_COLUMN = 15;

        private final ReportScope scope;
        private final CandidateTables.Table candidate;
        private final Instant now;
        private final int flipLimit;
        private final Map<List<String>, Targets> decided = new HashMap<>();
        private final Map<List<String>, Tally[]> tallies = new HashMap<>();
        private final Map<String, Duration> parsed = new HashMap<>();
        private final List<Flip> flipped = new ArrayList<>();
        private long flippedCount;
        private long clocks;
        private long calendarChanges;

        private long requestId = -1;
        private List<String> group;
        private Targets targets;
        /** Whether the request read last has a breached clock under the current table [0] and the candidate [1]. */
        private final boolean[] breached = new boolean[2];

        Run(ReportScope scope, CandidateTables.Table candidate, Instant now, int flipLimit) {
            this.scope = scope;
            this.candidate = candidate;
            this.now = now;
            this.flipLimit = flipLimit;
        }

        void row(ResultSet rs) throws SQLException {
            long id = rs.getLong(1);
            if (id != requestId) {
                finish();
                requestId = id;
                group = new ArrayList<>(scope.groupBy().size());
                for (int i = 0; i < scope.groupBy().size(); i++) {
                    group.add(rs.getString(GROUP_COLUMN + i));
                }
                tally()[0].requests++;
                tally()[1].requests++;
                targets = decided.computeIfAbsent(Arrays.asList(rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)), this::decide);
            }
            int metric = METRICS.indexOf(rs.getString(6));
            if (metric < 0) {
                return;
            }
            clocks++;
            Duration recordedTarget = parsed.computeIfAbsent(rs.getString(7), Duration::parse);
            String calendarId = rs.getString(8);
            long pausedSeconds = rs.getLong(11);
            long elapsed = rs.getLong(12);
            boolean stopped = !rs.wasNull();
            boolean everBreached = rs.getBoolean(13);
            Outcome current = everBreached ? Outcome.BREACHED : stopped ? Outcome.MET : Outcome.RUNNING;
            Duration target = targets.targets()[metric];
            if (target == null) {
                throw new InvalidRequestException("candidate", CandidateTables.OUTPUTS.get(metric) + " is empty for "
                        + targets.inputs() + ", which has a " + METRICS.get(metric) + " clock");
            }
            if (!calendarId.equals(targets.calendar())) {
                calendarChanges++;
            }
            if (target.equals(recordedTarget)) {
                count(0, metric, current);
                count(1, metric, current);
                return;
            }
            BusinessCalendar calendar = calendarOrNull(calendarId);
            Instant startedAt = Utc.instant(rs, 9);
            Instant dueAt = calendar == null ? null : calendar.plus(startedAt, target.plusSeconds(pausedSeconds));
            Outcome simulated;
            if (stopped) {
                // as SlaClock.stop: late when stopped after the due instant; whole seconds without the calendar
                simulated = (dueAt == null ? elapsed > target.toSeconds() : Utc.instant(rs, 14).isAfter(dueAt))
                        ? Outcome.BREACHED : Outcome.MET;
            } else {
                Instant pausedAt = Utc.instant(rs, 10);
                if (calendar != null) {
                    elapsed = Math.max(0, calendar.between(startedAt, pausedAt != null ? pausedAt : now).toSeconds()
                            - pausedSeconds);
                }
                simulated = calendar != null && elapsed > target.toSeconds() ? Outcome.BREACHED : Outcome.RUNNING;
            }
            count(0, metric, current);
            count(1, metric, simulated);
            if (simulated != current) {
                flippedCount++;
                if (flipped.size() < flipLimit) {
                    flipped.add(new Flip(ServiceRequest.keyOf(requestId), METRICS.get(metric), current, simulated,
                            elapsed, recordedTarget, target, dueAt));
                }
            }
        }

        private BusinessCalendar calendarOrNull(String id) {
            try {
                return calendars.apply(id);
            } catch (IllegalArgumentException removedFromTheConfiguration) {
                return null;
            }
        }

        private void count(int table, int metric, Outcome outcome) {
            Tally tally = tally()[table];
            if (outcome == Outcome.MET) {
                tally.met[metric]++;
            } else if (outcome == Outcome.BREACHED) {
                tally.breached[metric]++;
                breached[table] = true;
            }
        }

        private Tally[] tally() {
            return tallies.computeIfAbsent(group, g -> new Tally[] {new Tally(), new Tally()});
        }

        /** Ends the request read last: counts it as breached under each table where one of its clocks was. */
        void finish() {
            if (requestId >= 0) {
                for (int table = 0; table < 2; table++) {
                    if (breached[table]) {
                        tally()[table].breachedRequests++;
                    }
                }
            }
            requestId = -1;
            breached[0] = false;
            breached[1] = false;
        }

        Figures figures(int table) {
            List<Group> groups = tallies.entrySet().stream().sorted(Map.Entry.comparingByKey(SlaReports.GROUP_ORDER))
                    .map(e -> e.getValue()[table].group(Dimension.named(scope.groupBy(), e.getKey()))).toList();
            Tally total = new Tally();
            tallies.values().forEach(t -> total.add(t[table]));
            return new Figures(groups, total.group(Map.of()));
        }

        private Targets decide(List<String> inputs) {
            Map<String, Object> result = candidate.decide(inputs);
            if (result == null) {
                throw new InvalidRequestException("candidate", "no rule of SlaTargets matches " + inputs);
            }
            Duration[] durations = new Duration[3];
            for (int metric = 0; metric < 3; metric++) {
                durations[metric] = target(result, CandidateTables.OUTPUTS.get(metric), inputs);
            }
            // the acknowledgement and follow-up targets are not replayed, but a table that would fail intake is
            // refused all the same
            CandidateTables.OPTIONAL_OUTPUTS.forEach(output -> target(result, output, inputs));
            Object calendar = result.get(CandidateTables.OUTPUTS.get(4));
            return new Targets(inputs, durations, calendar == null ? null : calendar.toString());
        }
    }

    /** A target output of the candidate as a positive duration (null: none); a 400 for anything else. */
    private static Duration target(Map<String, Object> result, String output, List<String> inputs) {
        Object value = result.get(output);
        if (value == null) {
            return null;
        }
        Duration target;
        try {
            target = Duration.parse(value.toString());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("candidate", "SlaTargets gives " + output + " '" + value + "' for "
                    + inputs + ", not an ISO-8601 duration such as PT15M");
        }
        if (target.isNegative() || target.isZero()) {
            throw new InvalidRequestException("candidate", "SlaTargets gives " + output + " '" + value + "' for "
                    + inputs + ": a target must be positive");
        }
        return target;
    }

    /** The candidate's answer for one combination of inputs. */
    private record Targets(List<String> inputs, Duration[] targets, String calendar) {
    }

    /** Counts of one group under one table. */
    private static final class Tally {
        long requests;
        long breachedRequests;
        final long[] met = new long[3];
        final long[] breached = new long[3];

        void add(Tally other) {
            requests += other.requests;
            breachedRequests += other.breachedRequests;
            for (int i = 0; i < 3; i++) {
                met[i] += other.met[i];
                breached[i] += other.breached[i];
            }
        }

        Group group(Map<String, String> named) {
            return new Group(named, requests, SlaReport.Compliance.of(met[0], breached[0]),
                    SlaReport.Compliance.of(met[2], breached[2]), SlaReport.Compliance.of(met[1], breached[1]),
                    Arrays.stream(breached).sum(), breachedRequests);
        }
    }
}
