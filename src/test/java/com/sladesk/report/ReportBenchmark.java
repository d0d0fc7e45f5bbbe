package com.sladesk.report;


import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.sladesk.sla.TwentyFourSevenCalendar;
import com.sladesk.process.SlaTargetsCandidates;
import com.sladesk.system.StandaloneDmn;

/**
 * Generates closed requests over a year into a MySQL-protocol database (schema by our Flyway migrations) and
 * times the report queries the API runs. Prints figures; asserts nothing. See README "Report benchmark".
 *
 * <pre>./mvnw -q test-compile exec:exec -Dsladesk.benchmark.url=jdbc:mysql://127.0.0.1:33306/sladesk</pre>
 */
public final class ReportBenchmark {

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = System.getProperty("sladesk.benchmark.url", "jdbc:mysql://127.0.0.1:3306/sladesk");
        String user = System.getProperty("sladesk.benchmark.user", "sladesk");
        String password = System.getProperty("sladesk.benchmark.password", "sladesk");
        int requests = Integer.getInteger("sladesk.benchmark.requests", 1_000_000);
        int runs = Integer.getInteger("sladesk.benchmark.runs", 10);
        String separator = url.contains("?") ? "&" : "?";
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url + separator
                + "sendFractionalSeconds=false&rewriteBatchedStatements=true&openTelemetry=DISABLED"
                + "&connectionTimeZone=UTC", user, password, true);
        Flyway.configure().dataSource(dataSource).table("sladesk_schema_history")
                .locations("classpath:db/migration", "classpath:db/vendor/mysql").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Instant end = LocalDate.of(2026, 11, 1).atStartOfDay(zone).toInstant();
        Instant start = LocalDate.of(2025, 11, 1).atStartOfDay(zone).toInstant();

        long existing = jdbc.queryForObject("select count(*) from service_request where external_id like 'report-%'",
                Long.class);
        System.out.printf("database: %s (%s)%n", url, jdbc.queryForObject("select version()", String.class));
        if (existing < requests) {
            long firstId = jdbc.queryForObject("select coalesce(max(id), 0) + 1 from service_request", Long.class);
            long began = System.nanoTime();
            int batch = 50_000;
            for (int written = 0; written < requests - existing; written += batch) {
                int count = (int) Math.min(batch, requests - existing - written);
                new ReportData(firstId + written, end).write(dataSource, firstId + written, count, start, end, 0,
                        false);
                System.out.printf("  generated %,d requests%n", existing + written + count);
            }
            System.out.printf("generated %,d closed requests over 12 months in %.1f s%n", requests - existing,
                    (System.nanoTime() - began) / 1e9);
            jdbc.execute("analyze table service_request, sla_clock, status_interval, request_report");
        }
        System.out.printf("rows: service_request %,d, request_report %,d, sla_clock %,d, status_interval %,d%n",
                jdbc.queryForObject("select count(*) from service_request", Long.class),
                jdbc.queryForObject("select count(*) from request_report", Long.class),
                jdbc.queryForObject("select count(*) from sla_clock", Long.class),
                jdbc.queryForObject("select count(*) from status_interval", Long.class));

        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(dataSource);
        ReportSegments segments = new ReportSegments(named, zone, ReportSegments.MAX_BYTES);
        SlaReports reports = new SlaReports(named, zone, segments);
        BreachCauses causes = new BreachCauses(named, id -> new TwentyFourSevenCalendar(),
                TwentyFourSevenCalendar.ID, segments);
        // -Dsladesk.benchmark.only=what-if times the simulation alone, =reports the reports alone
        if (!"what-if".equals(System.getProperty("sladesk.benchmark.only"))) {
            // what a node does after its start and every night (PreparedMonths): the months that have ended
            long began = System.nanoTime();
            int worked = 0;
            for (ReportScope month : segments.months(new ReportScope(start, end, List.of(), Map.of()))) {
                worked += (reports.prepare(month) ? 1 : 0) + (causes.prepare(month, end) ? 1 : 0);
            }
            System.out.printf("months worked out ahead of reports (SLA cells, breach cells): %d in %.1f s%n", worked,
                    (System.nanoTime() - began) / 1e9);
            timeReports(jdbc, reports, causes, runs, zone, start, end);
            timeNodesJustStarted(named, runs, zone, start, end);
        }
        if ("reports".equals(System.getProperty("sladesk.benchmark.only"))) {
            dataSource.destroy();
            return;
        }
        // what-if: the table as deployed with VIP first response by e-mail at 10 instead of 15 minutes, over the
        // last days of the year that hold at least 100,000 requests
        Instant simulationStart = LocalDate.of(2026, 9, 25).atStartOfDay(zone).toInstant();
        ReportScope simulated = new ReportScope(simulationStart, end, List.of(Dimension.TEAM), Map.of());
        Simulations simulations = new Simulations(named, id -> new TwentyFourSevenCalendar(), segments);
        CandidateTables.Table candidate = new SlaTargetsCandidates(null, StandaloneDmn.build()).uploaded(
                "sla-targets.dmn", Files.readString(Path.of("decisions", "sla-targets.dmn"))
                        .replace("<text>\"PT15M\"</text>", "<text>\"PT10M\"</text>").getBytes(StandardCharsets.UTF_8));
        Simulations.Result result = simulations.simulate(simulated, candidate, end, Simulations.DEFAULT_FLIPS);
        System.out.printf("what-if (%s to %s): %,d requests, %,d clocks, %,d flip%n", simulated.from(), end,
                result.current().total().requests(), result.clocks(), result.flippedCount());
        time("what-if simulation, " + result.current().total().requests() / 1000 + "k requests", runs,
                () -> simulations.simulate(simulated, candidate, end, Simulations.DEFAULT_FLIPS));
        ReportScope year = new ReportScope(start, end, List.of(Dimension.TEAM), Map.of());
        time("what-if simulation, twelve months", Math.min(runs, 3),
                () -> simulations.simulate(year, candidate, end, Simulations.DEFAULT_FLIPS));
        dataSource.destroy();
    }

    private static void timeReports(JdbcTemplate jdbc, SlaReports reports, BreachCauses causes, int runs, ZoneId zone,
            Instant start, Instant end) {
        Instant monthStart = LocalDate.of(2026, 10, 1).atStartOfDay(zone).toInstant();
        ReportScope month = new ReportScope(monthStart, end, List.of(Dimension.TEAM), Map.of());
        SlaReport byTeam = reports.sla(month);
        System.out.printf("one month (October 2026): %,d requests in %d teams%n", byTeam.total().requests(),
                byTeam.rows().size());
        time("SLA report, one month, groupBy=team", runs, () -> reports.sla(month));
        time("SLA report, one month, groupBy=team,priority", runs, () -> reports.sla(new ReportScope(monthStart, end,
                List.of(Dimension.TEAM, Dimension.PRIORITY), Map.of())));
        time("SLA report, one month, groupBy=agent", runs, () -> reports.sla(new ReportScope(monthStart, end,
                List.of(Dimension.AGENT), Map.of())));
        time("SLA report, twelve months, groupBy=team", runs, () -> reports.sla(new ReportScope(
                start, end, List.of(Dimension.TEAM), Map.of())));
        time("breach causes, one month, groupBy=team,category", runs, () -> causes.of(new ReportScope(monthStart, end,
                List.of(Dimension.TEAM, Dimension.CATEGORY), Map.of()), end));
        // what the desk sees at work: the current month's rows change between two reports
        long october = jdbc.queryForObject("select min(request_id) from request_report where received_at >= ?",
                Long.class, Utc.of(monthStart));
        time("SLA report, twelve months, a row of the last changed", runs, () -> {
            jdbc.update("update request_report set revision = revision + 1 where request_id = ?", october);
            return reports.sla(new ReportScope(start, end, List.of(Dimension.TEAM), Map.of()));
        });
        time("trend frt per day, one month", runs, () -> reports.trend(new ReportScope(monthStart, end, List.of(),
                Map.of()), SlaReports.TrendMetric.FRT, SlaReports.Interval.DAY));
        time("breach causes, one month, its rows changed", runs, () -> {
            jdbc.update("update request_report set revision = revision + 1 where request_id = ?", october);
            return causes.of(new ReportScope(monthStart, end, List.of(Dimension.TEAM, Dimension.CATEGORY), Map.of()),
                    end);
        });
    }

    /** Each run on a node just started: nothing in its memory, the months' cells and figures kept in the database. */
    private static void timeNodesJustStarted(NamedParameterJdbcTemplate named, int runs, ZoneId zone, Instant start,
            Instant end) {
        Instant monthStart = LocalDate.of(2026, 10, 1).atStartOfDay(zone).toInstant();
        ReportScope year = new ReportScope(start, end, List.of(Dimension.TEAM), Map.of());
        ReportScope month = new ReportScope(monthStart, end, List.of(Dimension.TEAM, Dimension.CATEGORY), Map.of());
        time("SLA report, twelve months, a node just started", runs,
                () -> new SlaReports(named, zone, new ReportSegments(named, zone, ReportSegments.MAX_BYTES)).sla(year));
        time("breach causes, one month, a node just started", runs, () -> new BreachCauses(named,
                id -> new TwentyFourSevenCalendar(), TwentyFourSevenCalendar.ID,
                new ReportSegments(named, zone, ReportSegments.MAX_BYTES))
                .of(month, end));
        System.out.printf("months kept in report_month: %,d rows, %,d bytes%n",
                named.getJdbcTemplate().queryForObject("select count(*) from report_month", Long.class),
                named.getJdbcTemplate().queryForObject("select coalesce(sum(length(figures)), 0) from report_month",
                        Long.class));
    }

    private static void time(String name, int runs, Supplier<?> report) {
        long began = System.nanoTime();
        report.get();
        double cold = (System.nanoTime() - began) / 1e6;
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            report.get();
            warm.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(warm);
        System.out.printf("%-52s first %6.0f ms; next %d: min %6.0f, median %6.0f, max %6.0f ms%n", name, cold,
                runs, warm.get(0), warm.get(warm.size() / 2), warm.get(warm.size() - 1));
    }

}
