package com.sladesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sladesk.notify.OutboxDispatcher;
import com.sladesk.process.ServiceRequestProcess.Var;
import com.sladesk.request.RequestChanged;
import com.sladesk.sla.BusinessCalendars;
import com.sladesk.support.ApiClient;

/**
 * The report API over HTTP against figures worked out by hand from seeded requests: January 2024 (report zone
 * Asia/Shanghai), 600 requests, a tenth still open on 2024-02-15.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsIT {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant FROM = monthStart(2024, 1);
    static final Instant TO = monthStart(2024, 2);
    static final Instant NOW = Instant.parse("2024-02-15T04:00:00Z");
    static final String PERIOD = "from=2024-01-01&to=2024-01-31";

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired DataSource dataSource;
    @Autowired WeeklySlaSummary weeklySummary;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired ManagementService management;
    @Autowired TransactionTemplate transactions;
    @Autowired ApplicationEventPublisher events;
    @Autowired NamedParameterJdbcTemplate named;
    @Autowired BusinessCalendars calendars;
    @Autowired PreparedMonths preparedMonths;

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    private ApiClient api;
    private List<ReportData.Request> seeded;

    @BeforeAll
    void seed() throws Exception {
        long firstId = freeIds();
        seeded = new ReportData(42, NOW).write(dataSource, firstId, 600, FROM, TO, 0.1, true);
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(json, port);
        ClockUtil.setCurrentTime(Date.from(NOW));
    }

    @AfterEach
    void resetTheClock() {
        ClockUtil.reset();
    }

    @Test
    void theSlaReportByTeamMatchesTheFiguresWorkedOutFromTheSeededRequests() throws Exception {
        // when
        JsonNode report = api.getJson("/api/reports/sla?" + PERIOD + "&groupBy=team", "manager.sun");

        // then every figure of every team is the one worked out by hand
        Map<String, ExpectedFigures.Group> expected = ExpectedFigures.by(seeded, ReportData.Request::team);
        assertThat(report.path("rows")).hasSize(expected.size());
        for (JsonNode row : report.path("rows")) {
            ExpectedFigures.Group team = expected.get(row.path("group").path("team").asText());
            assertFigures(row, team);
        }
        assertFigures(report.path("total"), ExpectedFigures.group(seeded));
        assertThat(report.path("total").path("requests").asLong()).isEqualTo(600);
    }

    @Test
    void theSlaReportGroupsByTwoDimensionsAndComesAsCsv() throws Exception {
        // when
        JsonNode report = api.getJson("/api/reports/sla?" + PERIOD + "&groupBy=channel,priority", "admin");
        HttpResponse<String> csv = api.get("/api/reports/sla?" + PERIOD + "&groupBy=priority&format=csv",
                "manager.sun");
        HttpResponse<String> byAccept = api.send(api.requestAs("/api/reports/sla?" + PERIOD + "&groupBy=priority",
                "manager.sun").header("Accept", "text/csv"));

        // then
        Map<String, ExpectedFigures.Group> byChannelAndPriority = ExpectedFigures.by(seeded,
                r -> r.channel() + "/" + r.priority());
        assertThat(report.path("rows")).hasSize(byChannelAndPriority.size());
        for (JsonNode row : report.path("rows")) {
            String key = row.path("group").path("channel").asText() + "/" + row.path("group").path("priority").asText();
            assertFigures(row, byChannelAndPriority.get(key));
        }
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(byAccept.body()).isEqualTo(csv.body());
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("priority,requests,frt_met,frt_breached,frt_compliance_pct");
        Map<String, ExpectedFigures.Group> byPriority = ExpectedFigures.by(seeded, ReportData.Request::priority);
        assertThat(lines).hasSize(1 + byPriority.size() + 1);
        String urgent = lines.stream().filter(l -> l.startsWith("\"URGENT\",")).findFirst().orElseThrow();
        String[] cells = urgent.split(",");
        ExpectedFigures.Group expected = byPriority.get("URGENT");
        assertThat(Long.parseLong(cells[1])).isEqualTo(expected.requests());
        assertThat(Long.parseLong(cells[2])).isEqualTo(expected.frtMet());
        assertThat(Double.parseDouble(cells[12])).isCloseTo(expected.frtMedian(), within(0.001));
        assertThat(lines.get(lines.size() - 1)).startsWith("\"TOTAL\",600,");
    }

    @Test
    void breachCausesSplitTheBudgetOfBreachedClocksByStateAsWorkedOutByHand() throws Exception {
        // when
        JsonNode report = api.getJson("/api/reports/breach-causes?" + PERIOD + "&groupBy=team", "manager.sun");

        // then
        Map<String, ExpectedFigures.Causes> expected = ExpectedFigures.causesByTeam(seeded, NOW);
        assertThat(report.path("rows")).hasSize(expected.size());
        for (JsonNode row : report.path("rows")) {
            ExpectedFigures.Causes team = expected.get(row.path("group").path("team").asText());
            JsonNode seconds = row.path("seconds");
            assertThat(row.path("breachedClocks").asLong()).isEqualTo(team.clocks());
            assertThat(seconds.path("QUEUE").asLong()).isEqualTo(team.queue());
            assertThat(seconds.path("AGENT").asLong()).isEqualTo(team.agent());
            assertThat(seconds.path("EXPERTS").asLong()).isEqualTo(team.experts());
            assertThat(seconds.path("ESCALATION").asLong()).isEqualTo(team.escalation());
            assertThat(seconds.path("DELIVERY").asLong()).isEqualTo(team.delivery());
            assertThat(seconds.path("FOLLOW_UP").asLong()).isEqualTo(team.followUp());
        }
        assertThat(report.path("latest")).isNotEmpty();
        assertThat(report.path("latest").get(0).path("key").asText()).startsWith("SR-");
    }

    @Test
    void aMonthReadBeforeIsReadAgainOnceOneOfItsRequestsChanged() throws Exception {
        // given both reports read once, January alone and within a period cut into three months
        String wider = "from=2023-12-15&to=2024-02-10&groupBy=team";
        api.getJson("/api/reports/sla?" + wider, "manager.sun");
        api.getJson("/api/reports/breach-causes?" + wider, "manager.sun");
        ReportData.Request moved = seeded.stream().filter(r -> !r.open() && r.breached()).findFirst().orElseThrow();
        String otherTeam = seeded.stream().map(ReportData.Request::team).filter(t -> !t.equals(moved.team()))
                .findFirst().orElseThrow();
        try {
            // when the request moves to the other team, as a reclassification commits it
            moveTo(moved, otherTeam);
            JsonNode sla = api.getJson("/api/reports/sla?" + wider, "manager.sun");
            JsonNode causes = api.getJson("/api/reports/breach-causes?" + wider, "manager.sun");

            // then both reports count it with the other team, as worked out by hand from the changed requests
            List<ReportData.Request> changed = seeded.stream().map(r -> r.id() == moved.id() ? new ReportData.Request(
                    r.id(), r.key(), r.receivedAt(), r.channel(), r.category(), otherTeam, r.tier(), r.priority(),
                    r.agent(), r.open(), r.queue(), r.withAgent(), r.work(), r.experts(), r.rest(), r.clocks()) : r)
                    .toList();
            Map<String, ExpectedFigures.Group> expected = ExpectedFigures.by(changed, ReportData.Request::team);
            assertThat(sla.path("rows")).hasSize(expected.size());
            for (JsonNode row : sla.path("rows")) {
                assertFigures(row, expected.get(row.path("group").path("team").asText()));
            }
            assertFigures(sla.path("total"), ExpectedFigures.group(seeded));
            Map<String, ExpectedFigures.Causes> expectedCauses = ExpectedFigures.causesByTeam(changed, NOW);
            for (JsonNode row : causes.path("rows")) {
                ExpectedFigures.Causes team = expectedCauses.get(row.path("group").path("team").asText());
                assertThat(row.path("breachedClocks").asLong()).isEqualTo(team.clocks());
                assertThat(row.path("seconds").path("QUEUE").asLong()).isEqualTo(team.queue());
                assertThat(row.path("seconds").path("ESCALATION").asLong()).isEqualTo(team.escalation());
            }
            assertThat(ExpectedFigures.causesByTeam(changed, NOW)).isNotEqualTo(
                    ExpectedFigures.causesByTeam(seeded, NOW));
        } finally {
            moveTo(moved, moved.team());
        }
    }

    @Test
    void aNodeJustStartedReadsWholeMonthsAnotherNodeKeptUntilOneOfTheirRequestsChanges() throws Exception {
        // given the app read January by team, and breach causes of a June whose breached clocks all stopped
        Instant june = monthStart(2022, 6);
        Instant july = monthStart(2022, 7);
        seedClosed(7, 200, june, july);
        JsonNode sla = api.getJson("/api/reports/sla?" + PERIOD + "&groupBy=team", "manager.sun");
        JsonNode causes = api.getJson("/api/reports/breach-causes?from=2022-06-01&to=2022-06-30&groupBy=team,category",
                "manager.sun");
        assertThat(causes.path("total").path("breachedClocks").asLong()).isPositive();
        ReportScope january = new ReportScope(FROM, TO, List.of(Dimension.TEAM), Map.of());
        ReportScope juneScope = new ReportScope(june, july, List.of(Dimension.TEAM, Dimension.CATEGORY), Map.of());

        // when a node just started reads them
        ReportSegments started = nodeJustStarted();
        started.of("sla", "", january, SlaReports.MonthFigures.CODEC, () -> {
            throw new AssertionError("January was computed again");
        });
        started.of("breach-causes", calendars.version(), juneScope, BreachCauses.MonthCauses.CODEC, () -> {
            throw new AssertionError("June was computed again");
        });

        // then it has every figure the app computed, percentiles and latest breaches included
        assertThat(asJson(new SlaReports(named, ZONE, started).sla(january))).isEqualTo(sla);
        assertThat(asJson(new BreachCauses(named, calendars::get, calendars.version(), started).of(juneScope, NOW)))
                .isEqualTo(causes);

        // and once a January request changed, the next node to start computes January, keeps it, and the one
        // after reads it again
        ReportData.Request moved = seeded.stream().filter(r -> !r.open()).findFirst().orElseThrow();
        String otherTeam = seeded.stream().map(ReportData.Request::team).filter(t -> !t.equals(moved.team()))
                .findFirst().orElseThrow();
        try {
            moveTo(moved, otherTeam);
            SlaReports second = new SlaReports(named, ZONE, nodeJustStarted());
            JsonNode changed = asJson(second.sla(january));
            assertThat(changed).isNotEqualTo(sla);
            nodeJustStarted().of("sla", "", january, SlaReports.MonthFigures.CODEC, () -> {
                throw new AssertionError("January was computed once more");
            });
            assertThat(asJson(new SlaReports(named, ZONE, nodeJustStarted()).sla(january)))
                    .isEqualTo(changed);
        } finally {
            moveTo(moved, moved.team());
        }
    }

    @Test
    void aMonthInProgressAndAFilteredReportStayInTheNodesMemory() throws Exception {
        // given requests in a September 2022
        Instant september = monthStart(2022, 9);
        seedClosed(9, 50, september, september.plus(Duration.ofDays(19)));
        String month = "/api/reports/sla?from=2022-09-01&to=2022-09-30";

        // when the month is reported while it is in progress, and once it has ended with a filter
        ClockUtil.setCurrentTime(Date.from(september.plus(Duration.ofDays(20))));
        api.getJson(month + "&groupBy=team", "manager.sun");
        ClockUtil.setCurrentTime(Date.from(NOW));
        api.getJson(month + "&groupBy=team&channel=EMAIL", "manager.sun");
        long keptBefore = keptKinds(september).size();
        api.getJson(month + "&groupBy=priority", "manager.sun");

        // then neither went to the database; the month reported without filters after its end did (its cells are
        // worked out ahead of reports only, by PreparedMonths)
        assertThat(keptBefore).isZero();
        assertThat(keptKinds(september)).containsExactly("sla");
    }

    @Test
    void endedMonthsAreWorkedOutAheadAndEveryGroupingOfThemAddsUpTheirCells() throws Exception {
        // given requests in a July 2023 that nobody has reported
        Instant july = monthStart(2023, 7);
        Instant august = monthStart(2023, 8);
        long firstId = seedClosed(11, 200, july, august);
        ReportScope julyScope = new ReportScope(july, august, List.of(), Map.of());

        // when the node works out the month that ended last, in mid-August (other tests' months are left alone)
        assertThat(preparedMonths.prepare(august.plus(Duration.ofDays(14)), 1)).isEqualTo(2);

        // then July's cells are kept, and a node just started finds them kept instead of working them out again
        assertThat(keptKinds(july)).containsExactlyInAnyOrder("sla-cells", "breach-cells");
        assertThat(new SlaReports(named, ZONE, nodeJustStarted()).prepare(julyScope)).isFalse();
        assertThat(new BreachCauses(named, calendars::get, calendars.version(), nodeJustStarted())
                .prepare(julyScope, NOW)).isFalse();

        // and a node just started reports July by every grouping with the figures read from the rows in July
        List<List<Dimension>> groupings = new ArrayList<>();
        for (Dimension first : Dimension.values()) {
            groupings.add(List.of(first));
            for (Dimension second : Dimension.values()) {
                if (second.ordinal() > first.ordinal()) {
                    groupings.add(List.of(first, second));
                }
            }
        }
        for (List<Dimension> groupBy : groupings) {
            ReportScope scope = new ReportScope(july, august, groupBy, Map.of());
            ClockUtil.setCurrentTime(Date.from(july.plus(Duration.ofDays(20))));
            JsonNode fromRows = asJson(new SlaReports(named, ZONE, nodeJustStarted()).sla(scope));
            JsonNode causesFromRows = asJson(new BreachCauses(named, calendars::get, calendars.version(),
                    nodeJustStarted()).of(scope, NOW));
            ClockUtil.setCurrentTime(Date.from(NOW));
            assertThat(asJson(new SlaReports(named, ZONE, nodeJustStarted()).sla(scope))).as("SLA by " + groupBy)
                    .isEqualTo(fromRows);
            assertThat(asJson(new BreachCauses(named, calendars::get, calendars.version(), nodeJustStarted())
                    .of(scope, NOW))).as("breach causes by " + groupBy).isEqualTo(causesFromRows);
        }
        assertThat(asJson(new SlaReports(named, ZONE, nodeJustStarted()).sla(julyScope)).path("total")
                .path("requests").asLong()).isGreaterThanOrEqualTo(200).isEqualTo(new JdbcTemplate(dataSource)
                        .queryForObject("select count(*) from request_report where received_at >= ? and received_at < ?",
                                Long.class, Utc.of(july), Utc.of(august)));

        // and those figures come from the cells: rows changed behind the desk's back (without a new revision,
        // which the desk never does) are not read
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("update request_report set team = 'not-read' where request_id >= ? and request_id < ?", firstId,
                firstId + 200);
        ReportScope byTeam = new ReportScope(july, august, List.of(Dimension.TEAM), Map.of());
        assertThat(asJson(new SlaReports(named, ZONE, nodeJustStarted()).sla(byTeam)).path("rows")
                .findValuesAsText("team")).isNotEmpty().doesNotContain("not-read");
        assertThat(asJson(new BreachCauses(named, calendars::get, calendars.version(), nodeJustStarted())
                .of(byTeam, NOW)).path("rows").findValuesAsText("team")).isNotEmpty().doesNotContain("not-read");
    }

    /** The first of the month in the report zone. */
    private static Instant monthStart(int year, int month) {
        return LocalDate.of(year, month, 1).atStartOfDay(ZONE).toInstant();
    }

    /** Closed requests received in [from, to), none of them open; the first of their ids. */
    private long seedClosed(int seed, int count, Instant from, Instant to) throws Exception {
        long firstId = freeIds();
        new ReportData(seed, NOW).write(dataSource, firstId, count, from, to, 0, false);
        return firstId;
    }

    /** The first of a range of request ids no test uses yet. */
    private long freeIds() {
        return new JdbcTemplate(dataSource).queryForObject("select coalesce(max(id), 0) + 100000 from service_request",
                Long.class);
    }

    private List<String> keptKinds(Instant from) {
        return new JdbcTemplate(dataSource).queryForList("select kind from report_month where month_from = ?",
                String.class, Utc.of(from));
    }

    /** Report months as a node has them just after its start: nothing in memory. */
    private ReportSegments nodeJustStarted() {
        return new ReportSegments(named, ZONE, ReportSegments.MAX_BYTES);
    }

    private JsonNode asJson(Object report) throws Exception {
        return json.readTree(json.writeValueAsString(report));
    }

    /** Changes the request's team and lets ReportRows rewrite its report row, in one transaction. */
    private void moveTo(ReportData.Request request, String team) {
        transactions.executeWithoutResult(status -> {
            new JdbcTemplate(dataSource).update("update service_request set team = ? where id = ?", team,
                    request.id());
            events.publishEvent(new RequestChanged(request.id()));
        });
    }

    @Test
    void theFirstResponseTrendPerWeekHasTheMediansWorkedOutByHand() throws Exception {
        // when
        JsonNode trend = api.getJson("/api/reports/trend?metric=frt&interval=week&" + PERIOD, "manager.sun");
        JsonNode compliance = api.getJson("/api/reports/trend?metric=compliance&interval=day&groupBy=team&" + PERIOD,
                "manager.sun");

        // then
        Map<String, List<Long>> byWeek = new java.util.TreeMap<>();
        seeded.forEach(r -> byWeek.computeIfAbsent(r.receivedAt().atZone(ZONE).toLocalDate()
                .with(java.time.DayOfWeek.MONDAY).toString(), w -> new java.util.ArrayList<>())
                .add(r.clocks().get(0).elapsed()));
        assertThat(trend).hasSize(byWeek.size());
        for (JsonNode point : trend) {
            List<Long> times = byWeek.get(point.path("period").asText()).stream().sorted().toList();
            assertThat(point.path("count").asLong()).isEqualTo(times.size());
            assertThat(point.path("medianSeconds").asDouble()).isCloseTo(ExpectedFigures.percentile(times, 50),
                    within(0.001));
        }
        Map<String, long[]> byDayAndTeam = new java.util.TreeMap<>();
        for (ReportData.Request r : seeded) {
            long[] counts = byDayAndTeam.computeIfAbsent(r.receivedAt().atZone(ZONE).toLocalDate() + "/" + r.team(),
                    k -> new long[2]);
            for (ReportData.Clock c : r.clocks()) {
                if (c.breached()) {
                    counts[1]++;
                } else if (c.elapsed() != null) {
                    counts[0]++;
                }
            }
        }
        assertThat(compliance).hasSize(byDayAndTeam.size());
        for (JsonNode point : compliance) {
            long[] expected = byDayAndTeam.get(point.path("period").asText() + "/" + point.path("group").asText());
            assertThat(point.path("met").asLong()).isEqualTo(expected[0]);
            assertThat(point.path("breached").asLong()).isEqualTo(expected[1]);
            assertSeconds(point.path("percent"), ExpectedFigures.percent(expected[0], expected[1]));
        }
    }

    @Test
    void agentsMayNotSeeReportsAndBadParametersAreExplained() throws Exception {
        for (String path : List.of("/api/reports/sla", "/api/reports/trend", "/api/reports/breach-causes",
                "/api/reports/workload", "/api/reports/at-risk", "/api/reports/summaries", "/manager")) {
            assertThat(api.get(path, "agent.li").statusCode()).as(path).isEqualTo(403);
        }
        assertThat(api.anonymousGet("/api/reports/sla").statusCode()).isEqualTo(401);
        assertBadRequest("/api/reports/sla?groupBy=colour", "groupBy");
        assertBadRequest("/api/reports/sla?groupBy=team,channel,tier", "groupBy");
        assertBadRequest("/api/reports/sla?from=2024-02-01&to=2024-01-01", "from");
        assertBadRequest("/api/reports/sla?from=yesterday", "from");
        assertBadRequest("/api/reports/sla?from=%2B300000000-01-01T00:00:00Z"
                + "&to=%2B300000000-01-02T00:00:00Z", "to");
        assertBadRequest("/api/reports/trend?metric=speed", "metric");
        assertBadRequest("/api/reports/trend?groupBy=team,channel", "groupBy");
        assertThat(api.get("/api/reports/summaries/999999", "manager.sun").statusCode()).isEqualTo(404);
    }

    @Test
    void aRequestPastItsWarningIsAboutToBreachAndItsTaskCountsInTheWorkload() throws Exception {
        // given a VIP outage received now: first response due in 15 minutes, warning at 75 %
        ClockUtil.reset();
        ObjectNode body = json.createObjectNode().put("channel", "EMAIL").put("externalId", UUID.randomUUID()
                .toString()).put("category", "FAULT").put("subject", "Outage at the plant");
        body.putObject("customer").put("id", "report-vip-" + UUID.randomUUID()).put("name", "Plant").put("tier", "VIP");
        String key = json.readTree(api.post("/api/requests", "intake", body).body()).path("key").asText();
        String agent = api.agentOf(key);
        api.post("/engine-rest/task/" + api.onlyTaskOf(key, agent) + "/claim", agent, "{\"userId\":\"" + agent + "\"}");

        // when the warning instant has passed and the warning timer ran
        ClockUtil.setCurrentTime(Date.from(Instant.now().plusSeconds(12 * 60)));
        String instance = api.getJson("/api/requests/" + key, "intake").path("processInstanceId").asText();
        for (Job job : management.createJobQuery().processInstanceId(instance).executable().list()) {
            management.executeJob(job.getId());
        }
        JsonNode atRisk = api.getJson("/api/reports/at-risk", "manager.sun");
        JsonNode workload = api.getJson("/api/reports/workload", "manager.sun");

        // then
        assertThat(atRisk).anySatisfy(r -> {
            assertThat(r.path("key").asText()).isEqualTo(key);
            assertThat(r.path("metric").asText()).isEqualTo("FIRST_RESPONSE");
        });
        assertThat(workload.path("agents")).anySatisfy(q -> {
            assertThat(q.path("name").asText()).isEqualTo(agent);
            assertThat(q.path("tasks").asLong()).isPositive();
        });
        assertThat(workload.path("teams")).anySatisfy(q -> assertThat(q.path("name").asText())
                .isEqualTo("tech-support"));

        // and once the agent answered, the request is no longer at risk and its time to first response is measured
        api.submitForm(api.onlyTaskOf(key, agent), agent, Var.REPLY, "A technician is on the way.");
        assertThat(api.getJson("/api/reports/at-risk", "manager.sun"))
                .noneSatisfy(r -> assertThat(r.path("key").asText()).isEqualTo(key));
        assertThat(api.get("/actuator/prometheus", "agent.wang").statusCode()).isEqualTo(403);
        String metrics = api.get("/actuator/prometheus", "prometheus").body();
        assertThat(metrics).contains(
                "sladesk_first_response_time_seconds_count{breached=\"false\",team=\"tech-support\"}");
        long inProgress = new JdbcTemplate(dataSource).queryForObject(
                "select count(*) from service_request where status = 'IN_PROGRESS'", Long.class);
        assertThat(metrics).contains("sladesk_requests{status=\"IN_PROGRESS\"} " + inProgress + ".0");
        assertThat(metrics).containsPattern("sladesk_sla_events_total\\{level=\"\",metric=\"FIRST_RESPONSE\","
                + "team=\"tech-support\",type=\"warning\"} [1-9]");
    }

    @Test
    void theWeeklySummaryIsWrittenOnceAndGoesToTheManagersThroughTheOutbox() throws Exception {
        // when the summary of the week of 2024-01-08 is made twice (two nodes, or a retry)
        Instant monday = LocalDate.of(2024, 1, 15).atTime(8, 0).atZone(ZONE).toInstant();
        WeeklySlaSummary.Summary first = weeklySummary.summarise(monday);
        WeeklySlaSummary.Summary second = weeklySummary.summarise(monday.plusSeconds(60));

        // then
        assertThat(second.id()).isEqualTo(first.id());
        List<ReportData.Request> week = seeded.stream().filter(r -> !r.receivedAt().isBefore(
                LocalDate.of(2024, 1, 8).atStartOfDay(ZONE).toInstant()) && r.receivedAt().isBefore(
                LocalDate.of(2024, 1, 15).atStartOfDay(ZONE).toInstant())).toList();
        assertThat(first.subject()).isEqualTo("SLA summary 2024-01-08 – 2024-01-14");
        ExpectedFigures.Group all = ExpectedFigures.group(week);
        assertThat(first.body()).contains("All teams: " + week.size() + " requests; acknowledgement "
                + ExpectedFigures.percent(all.ackMet(), all.ackBreached()) + "% met; first response "
                + ExpectedFigures.percent(all.frtMet(), all.frtBreached()) + "% met; resolution "
                + ExpectedFigures.percent(all.ttrMet(), all.ttrBreached()) + "% met; follow-up "
                + ExpectedFigures.percent(all.fuMet(), all.fuBreached()) + "% met;");
        Map<String, ExpectedFigures.Group> byTeam = ExpectedFigures.by(week, ReportData.Request::team);
        byTeam.forEach((team, figures) -> assertThat(first.body()).contains(team + ": " + figures.requests()
                + " requests"));
        String most = byTeam.entrySet().stream().max(Map.Entry.comparingByValue(
                java.util.Comparator.comparingLong(ExpectedFigures.Group::breaches))).orElseThrow().getKey();
        assertThat(first.body()).contains("Most breaches: " + most);
        List<Map<String, Object>> mails = new JdbcTemplate(dataSource).queryForList(
                "select recipient, status from notification where kind = 'SLA_SUMMARY' and dedupe_key like ?",
                "sla-summary:2024-01-08:%");
        assertThat(mails).extracting(m -> m.get("recipient")).containsExactlyInAnyOrder("group:service-managers",
                "group:service-directors");
        dispatcher.dispatchDue(Instant.now());
        assertThat(smtp.getReceivedMessages()).filteredOn(m -> subjectOf(m).equals(first.subject()))
                .extracting(m -> m.getAllRecipients()[0].toString())
                .containsExactlyInAnyOrder("manager.sun@sladesk.example", "director.zhou@sladesk.example");
        JsonNode listed = api.getJson("/api/reports/summaries", "manager.sun");
        assertThat(listed).anySatisfy(s -> assertThat(s.path("id").asLong()).isEqualTo(first.id()));
        assertThat(api.getJson("/api/reports/summaries/" + first.id(), "manager.sun").path("body").asText())
                .isEqualTo(first.body());
    }

    private static String subjectOf(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertBadRequest(String path, String field) throws Exception {
        HttpResponse<String> response = api.get(path, "manager.sun");
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json.readTree(response.body()).path("errors").get(0).path("field").asText()).isEqualTo(field);
    }

    private static void assertFigures(JsonNode row, ExpectedFigures.Group expected) {
        assertThat(row.path("requests").asLong()).isEqualTo(expected.requests());
        assertCompliance(row.path("firstResponse"), expected.frtMet(), expected.frtBreached());
        assertCompliance(row.path("expertResponse"), expected.ertMet(), expected.ertBreached());
        assertCompliance(row.path("resolution"), expected.ttrMet(), expected.ttrBreached());
        assertSeconds(row.path("firstResponseTime").path("averageSeconds"), expected.frtAverage());
        assertSeconds(row.path("firstResponseTime").path("medianSeconds"), expected.frtMedian());
        assertSeconds(row.path("firstResponseTime").path("p90Seconds"), expected.frtP90());
        assertSeconds(row.path("timeToResolution").path("medianSeconds"), expected.ttrMedian());
        assertSeconds(row.path("timeToResolution").path("p90Seconds"), expected.ttrP90());
        assertCompliance(row.path("acknowledgement"), expected.ackMet(), expected.ackBreached());
        assertCompliance(row.path("followUp"), expected.fuMet(), expected.fuBreached());
        assertSeconds(row.path("acknowledgementTime").path("medianSeconds"), expected.ackMedian());
        assertSeconds(row.path("followUpTime").path("medianSeconds"), expected.fuMedian());
        assertThat(row.path("breaches").asLong()).isEqualTo(expected.breaches());
        assertThat(row.path("breachedRequests").asLong()).isEqualTo(expected.breachedRequests());
        assertThat(row.path("openBreached").asLong()).isEqualTo(expected.openBreached());
        expected.escalations().forEach((level, count) -> assertThat(row.path("escalationsByLevel")
                .path(String.valueOf(level)).asLong()).as("level " + level).isEqualTo(count));
        assertThat(row.path("escalationsByLevel").size()).isEqualTo(expected.escalations().size());
    }

    private static void assertCompliance(JsonNode compliance, long met, long breached) {
        assertThat(compliance.path("met").asLong()).isEqualTo(met);
        assertThat(compliance.path("breached").asLong()).isEqualTo(breached);
        assertSeconds(compliance.path("percent"), ExpectedFigures.percent(met, breached));
    }

    private static void assertSeconds(JsonNode actual, Double expected) {
        if (expected == null) {
            assertThat(actual.isNull() || actual.isMissingNode()).as(actual.toString()).isTrue();
        } else {
            assertThat(actual.asDouble()).isCloseTo(expected, within(0.001));
        }
    }
}
