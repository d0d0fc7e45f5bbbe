package com.sladesk.report;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.xml.ModelException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.sladesk.request.InvalidRequestException;
import com.sladesk.sla.BusinessCalendar;
import com.sladesk.sla.BusinessCalendars;

/**
 * What-if: the requests received in a period counted as the SLA report counts them, and again under a candidate
 * SlaTargets table. Each clock's target comes from the candidate for the request's inputs as they are now (after
 * reclassifications); whether it met its target comes from the business time the clock recorded (pauses
 * excluded) on the clock's own calendar. A clock whose candidate target equals the target it ran with keeps the
 * state it has. Nothing is deployed or written.
 */
@Component
public class Simulations {

    static final String DECISION = "SlaTargets";
    /** What every SlaTargets table reads and answers: the process and the forms rely on these names. */
    static final List<String> INPUTS = List.of("customerTier", "priority", "category", "channel");
    static final List<String> OUTPUTS = List.of("firstResponseTarget", "resolutionTarget", "expertResponseTarget",
            "warningPercent", "calendar");
    /** The clocks a table gives targets for, in the order of {@link #OUTPUTS}' first three. */
    static final List<String> METRICS = List.of("FIRST_RESPONSE", "RESOLUTION", "EXPERT_RESPONSE");

    private final NamedParameterJdbcTemplate jdbc;
    private final Function<String, BusinessCalendar> calendars;
    private final RepositoryService repository;
    private final DmnEngine dmn;

    /**
     * {@code dmn}: a DMN engine of its own, not the process engine's: that one records every evaluation in the
     * history (and needs a command context to read a table), and a simulation records nothing.
     */
    @Autowired
    Simulations(NamedParameterJdbcTemplate jdbc, BusinessCalendars calendars, RepositoryService repository,
            DmnEngine dmn) {
        this(jdbc, calendars::get, repository, dmn);
    }

    Simulations(NamedParameterJdbcTemplate jdbc, Function<String, BusinessCalendar> calendars,
            RepositoryService repository, DmnEngine dmn) {
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.repository = repository;
        this.dmn = dmn;
    }

    /** A clock's state as the simulation counts it: RUNNING ones count in neither met nor breached. */
    public enum Outcome {
        MET, BREACHED, RUNNING
    }

    /** A checked candidate table and how to name it. */
    public record Candidate(String name, DmnDecision decision) {
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
     * candidate would have made it due.
     */
    public record Flip(String key, String metric, Outcome current, Outcome candidate, long elapsedSeconds,
            Duration currentTarget, Duration candidateTarget, Instant candidateDueAt) {
    }

    /**
     * The comparison. {@code calendarChanges} counts clocks for which the candidate names another calendar than
     * the one the clock ran on: their business time stays the one recorded on their own calendar.
     */
    public record Result(Instant from, Instant to, List<String> groupBy, String candidateTable, Figures current,
            Figures candidate, List<Flip> flipped, long clocks, long calendarChanges) {
    }

    /** Reads an uploaded DMN file and checks its SlaTargets against the contract; a 400 naming what is wrong. */
    public Candidate uploaded(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidRequestException("candidate", "the file is empty");
        }
        // no DMN needs a document type; one could declare entities that read files or URLs
        String head = new String(content, StandardCharsets.UTF_8)
                .toUpperCase(Locale.ROOT);
        if (head.contains("<!DOCTYPE") || head.contains("<!ENTITY")) {
            throw new InvalidRequestException("candidate", "a DMN file has no document type declaration");
        }
        return checked("uploaded " + (fileName == null || fileName.isBlank() ? "file" : fileName),
                new ByteArrayInputStream(content));
    }

    /** A deployed SlaTargets version by its decision definition id; a 400 when there is none. */
    public Candidate deployed(String decisionDefinitionId) {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery()
                .decisionDefinitionId(decisionDefinitionId).singleResult();
        if (definition == null || !DECISION.equals(definition.getKey())) {
            throw new InvalidRequestException("decisionDefinitionId", "no deployed " + DECISION + " version has the id '"
                    + decisionDefinitionId + "'");
        }
        try (InputStream model = repository.getDecisionModel(definition.getId())) {
            return checked(DECISION + " v" + definition.getVersion() + " (" + definition.getId() + ")", model);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Reading the deployed decision " + definition.getId(), e);
        }
    }

    /** The deployed SlaTargets versions, newest first. */
    public List<Version> versions() {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
                .orderByDecisionDefinitionVersion().desc().list().stream()
                .map(d -> new Version(d.getId(), d.getVersion(), d.getVersionTag(), d.getDeploymentId())).toList();
    }

    /** A deployed version of SlaTargets. */
    public record Version(String id, int version, String versionTag, String deploymentId) {
    }

    private Candidate checked(String name, InputStream content) {
        DmnModelInstance model;
        try {
            model = Dmn.readModelFromStream(content);
        } catch (ModelException e) {
            throw new InvalidRequestException("candidate", "not a DMN 1.3 file: " + firstLine(e));
        }
        if (!(model.getModelElementById(DECISION) instanceof Decision decision)) {
            throw new InvalidRequestException("candidate", "the DMN has no decision with the id '" + DECISION + "'");
        }
        if (!(decision.getExpression() instanceof DecisionTable table)) {
            throw new InvalidRequestException("candidate", DECISION + " is not a decision table");
        }
        List<String> inputs = table.getInputs().stream().map(Input::getInputExpression)
                .map(e -> e == null || e.getText() == null ? "" : e.getText().getTextContent().trim()).toList();
        List<String> outputs = table.getOutputs().stream().map(Output::getName).map(n -> n == null ? "" : n).toList();
        String difference = difference("inputs", INPUTS, inputs) + difference("outputs", OUTPUTS, outputs);
        if (!difference.isEmpty()) {
            throw new InvalidRequestException("candidate", DECISION + " differs from the contract (inputs "
                    + String.join(", ", INPUTS) + "; outputs " + String.join(", ", OUTPUTS) + "):" + difference);
        }
        try {
            return new Candidate(name, dmn().parseDecision(DECISION, model));
        } catch (DmnEngineException | ProcessEngineException e) {
            throw new InvalidRequestException("candidate", "the engine cannot read " + DECISION + ": " + firstLine(e));
        }
    }

    private static String difference(String what, List<String> contract, List<String> found) {
        StringBuilder difference = new StringBuilder();
        Set<String> missing = new LinkedHashSet<>(contract);
        found.forEach(missing::remove);
        Set<String> unknown = new LinkedHashSet<>(found);
        contract.forEach(unknown::remove);
        if (!missing.isEmpty()) {
            difference.append(" missing ").append(what).append(' ').append(String.join(", ", missing)).append(';');
        }
        if (!unknown.isEmpty()) {
            difference.append(" ").append(what).append(" not in the contract ").append(String.join(", ", unknown))
                    .append(';');
        }
        if (missing.isEmpty() && unknown.isEmpty() && found.size() != contract.size()) {
            difference.append(" ").append(what).append(" named twice;");
        }
        return difference.toString();
    }

    private DmnEngine dmn() {
        return dmn;
    }

    /** Compares the requests received in the scope's period as they are with the candidate's targets. */
    public Result simulate(ReportScope scope, Candidate candidate, Instant now) {
        Run run = new Run(scope, candidate, now);
        String groups = SlaReports.groupColumns(scope.groupBy());
        String sql = "select r.request_id, r.customer_tier, r.priority, r.category, r.channel, c.metric, c.target, "
                + "c.calendar_id, c.started_at, c.paused_at, c.paused_seconds, c.elapsed_seconds, c.ever_breached"
                + (groups.isEmpty() ? "" : ", " + groups)
                + " from request_report r join sla_clock c on c.request_id = r.request_id"
                + SlaReports.where(scope) + " order by r.received_at, r.request_id";
        jdbc.query(sql, SlaReports.parameters(scope), (ResultSet rs) -> {
            run.row(rs);
        });
        run.finish();
        return new Result(scope.from(), scope.to(), scope.groupBy().stream().map(Dimension::label).toList(),
                candidate.name(), run.figures(0), run.figures(1), run.flipped, run.clocks, run.calendarChanges);
    }

    /** One simulation's running sums, fed one clock row at a time in request order. */
    private final class Run {

        private final ReportScope scope;
        private final Candidate candidate;
        private final Instant now;
        private final Map<List<String>, Targets> decided = new HashMap<>();
        private final Map<List<String>, Tally[]> tallies = new HashMap<>();
        private final List<Flip> flipped = new ArrayList<>();
        private long clocks;
        private long calendarChanges;

        private final Map<String, Duration> parsed = new HashMap<>();
        private long requestId = -1;
        private List<String> group;
        private Targets targets;
        /** Whether the request read last has a breached clock under the current table [0] and the candidate [1]. */
        private final boolean[] breached = new boolean[2];

        Run(ReportScope scope, Candidate candidate, Instant now) {
            this.scope = scope;
            this.candidate = candidate;
            this.now = now;
        }

        void row(ResultSet rs) throws SQLException {
            long id = rs.getLong(1);
            if (id != requestId) {
                finish();
                requestId = id;
                group = new ArrayList<>(scope.groupBy().size());
                for (int i = 0; i < scope.groupBy().size(); i++) {
                    group.add(rs.getString(14 + i));
                }
                breached[0] = false;
                breached[1] = false;
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
            BusinessCalendar calendar = calendars.apply(calendarId);
            Instant startedAt = Utc.instant(rs, 9);
            Instant pausedAt = Utc.instant(rs, 10);
            long pausedSeconds = rs.getLong(11);
            long elapsed = rs.getLong(12);
            boolean stopped = !rs.wasNull();
            boolean everBreached = rs.getBoolean(13);
            if (!stopped) {
                elapsed = Math.max(0, calendar.between(startedAt, pausedAt != null ? pausedAt : now).toSeconds()
                        - pausedSeconds);
            }
            Outcome current = everBreached ? Outcome.BREACHED : stopped ? Outcome.MET : Outcome.RUNNING;
            Duration target = targets.targets()[metric];
            if (target == null) {
                throw new InvalidRequestException("candidate", DECISION + " gives no " + OUTPUTS.get(metric)
                        + " for " + targets.inputs() + ", which has a " + METRICS.get(metric) + " clock");
            }
            if (!calendarId.equals(targets.calendar())) {
                calendarChanges++;
            }
            Outcome simulated = target.equals(recordedTarget) ? current
                    : elapsed > target.toSeconds() ? Outcome.BREACHED : stopped ? Outcome.MET : Outcome.RUNNING;
            count(0, metric, current);
            count(1, metric, simulated);
            if (simulated != current) {
                flipped.add(new Flip(com.sladesk.request.ServiceRequest.keyOf(requestId), METRICS.get(metric),
                        current, simulated, elapsed, recordedTarget, target,
                        calendar.plus(startedAt, target.plusSeconds(pausedSeconds))));
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
        }

        Figures figures(int table) {
            List<Group> groups = tallies.entrySet().stream().sorted(Map.Entry.comparingByKey(SlaReports.GROUP_ORDER))
                    .map(e -> e.getValue()[table].group(Dimension.named(scope.groupBy(), e.getKey()))).toList();
            Tally total = new Tally();
            tallies.values().forEach(t -> total.add(t[table]));
            return new Figures(groups, total.group(Map.of()));
        }

        private Targets decide(List<String> inputs) {
            DmnDecisionRuleResult result;
            try {
                result = dmn().evaluateDecisionTable(candidate.decision(), Variables.createVariables()
                        .putValue(INPUTS.get(0), inputs.get(0)).putValue(INPUTS.get(1), inputs.get(1))
                        .putValue(INPUTS.get(2), inputs.get(2)).putValue(INPUTS.get(3), inputs.get(3)))
                        .getSingleResult();
            } catch (DmnEngineException | ProcessEngineException e) {
                throw new InvalidRequestException("candidate", DECISION + " fails for " + inputs + ": " + firstLine(e));
            }
            if (result == null) {
                throw new InvalidRequestException("candidate", "no rule of " + DECISION + " matches " + inputs);
            }
            Duration[] durations = new Duration[3];
            for (int metric = 0; metric < 3; metric++) {
                Object value = result.getEntry(OUTPUTS.get(metric));
                if (value != null) {
                    try {
                        durations[metric] = Duration.parse(value.toString());
                    } catch (DateTimeParseException e) {
                        throw new InvalidRequestException("candidate", DECISION + " gives " + OUTPUTS.get(metric)
                                + " '" + value + "' for " + inputs + ", not an ISO-8601 duration such as PT15M");
                    }
                    if (durations[metric].isNegative() || durations[metric].isZero()) {
                        throw new InvalidRequestException("candidate", DECISION + " gives " + OUTPUTS.get(metric)
                                + " '" + value + "' for " + inputs + ": a target must be positive");
                    }
                }
            }
            Object calendar = result.getEntry(OUTPUTS.get(4));
            return new Targets(inputs, durations, calendar == null ? null : calendar.toString());
        }
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

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
