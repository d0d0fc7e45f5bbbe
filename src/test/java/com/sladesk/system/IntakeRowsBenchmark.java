package com.sladesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sladesk.notify.OutboxDispatcher;
import com.sladesk.request.TestRequests;
import com.sladesk.support.ApiClient;

import bench.BareEngineBenchmark;

/**
 * Not a test (CI does not run it): prints the rows one intake adds on H2, table by table, and their index entries
 * (a row of a table with k indexes adds k entries, its primary key included; updates are not counted), against one
 * start of the bare engine's process (one user task with a non-interrupting boundary timer, as
 * {@code BareEngineBenchmark} starts it) in the same engine. Rows are counted over {@value #REQUESTS} intakes over HTTP, then over the
 * acknowledgements the outbox sends for them (the second transaction every intake brings; net: rows it deletes count
 * against those it adds). The bare start runs on the app's schema, whose ACT_RU_JOB has one index more than
 * Camunda's (SLADESK_IDX_JOB_DUEDATE). README "Intake benchmark". Run it with
 * {@code ./mvnw -B verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=IntakeRowsBenchmark}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntakeRowsBenchmark {

    private static final int REQUESTS = 20;
    private static final String CUSTOMER = "rows-" + UUID.randomUUID();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;

    @Test
    void printsTheRowsAndIndexEntriesOfAnIntakeAgainstABareEngineStart() throws Exception {
        Map<String, Long> indexes = indexesPerTable();
        deployBare();
        ApiClient api = new ApiClient(json, port);
        // one of each first, so that what is written once (the customer, the caches) is not counted
        api.post("/api/requests", "intake", TestRequests.vipOutageByEmail(CUSTOMER));
        dispatcher.dispatchDue(Instant.now());
        startBare();

        Map<String, Long> before = rowsPerTable();
        for (int i = 0; i < REQUESTS; i++) {
            assertThat(api.post("/api/requests", "intake", TestRequests.vipOutageByEmail(CUSTOMER)).statusCode())
                    .isEqualTo(201);
        }
        Map<String, Long> afterIntake = rowsPerTable();
        assertThat(dispatcher.dispatchDue(Instant.now())).isEqualTo(REQUESTS);
        Map<String, Long> afterAcknowledgements = rowsPerTable();
        for (int i = 0; i < REQUESTS; i++) {
            startBare();
        }
        Map<String, Long> afterBare = rowsPerTable();

        Map<String, double[]> perTable = new TreeMap<>();
        perRequest(perTable, 0, before, afterIntake);
        perRequest(perTable, 1, afterIntake, afterAcknowledgements);
        perRequest(perTable, 2, afterAcknowledgements, afterBare);
        print(perTable, indexes);
    }

    /** As BareEngineBenchmark starts it. */
    private void startBare() {
        runtime.startProcessInstanceByKey(BareEngineBenchmark.KEY, "bare-" + UUID.randomUUID());
    }

    private void perRequest(Map<String, double[]> perTable, int column, Map<String, Long> from, Map<String, Long> to) {
        to.forEach((table, rows) -> {
            long written = rows - from.getOrDefault(table, 0L);
            if (written != 0) {
                perTable.computeIfAbsent(table, t -> new double[3])[column] = written / (double) REQUESTS;
            }
        });
    }

    private void print(Map<String, double[]> perTable, Map<String, Long> indexes) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-30s | %13s %13s %13s", "rows (index entries) added, net", "intake",
                "its ack", "bare start"));
        double[] rows = new double[3];
        double[] entries = new double[3];
        Map<String, double[]> groups = new LinkedHashMap<>();
        perTable.forEach((table, written) -> {
            long k = Math.max(1, indexes.getOrDefault(table, 1L));
            lines.add(String.format("%-22s %7s | %5.1f (%5.0f) %5.1f (%5.0f) %5.1f (%5.0f)", table, k + " idx",
                    written[0], written[0] * k, written[1], written[1] * k, written[2], written[2] * k));
            double[] group = groups.computeIfAbsent(group(table), g -> new double[2]);
            for (int c = 0; c < 3; c++) {
                rows[c] += written[c];
                entries[c] += written[c] * k;
            }
            group[0] += written[0] * k;
            group[1] += written[2] * k;
        });
        lines.add(String.format("%-30s | %5.1f (%5.0f) %5.1f (%5.0f) %5.1f (%5.0f)", "each request or start",
                rows[0], entries[0], rows[1], entries[1], rows[2], entries[2]));
        groups.forEach((group, written) -> lines.add(String.format(
                "intake's index entries from %-30s %5.0f (%4.1f %%), bare start %5.0f", group, written[0],
                100 * written[0] / entries[0], written[1])));
        lines.forEach(line -> System.out.println("intake rows: " + line));
    }

    /** What a table's rows are for. */
    private static String group(String table) {
        if (table.startsWith("ACT_RU_VARIABLE") || table.startsWith("ACT_HI_VARINST")) {
            return "process variables";
        }
        if (table.startsWith("ACT_HI_DEC")) {
            return "decisions";
        }
        if (table.startsWith("ACT_HI_ACTINST") || table.startsWith("ACT_RU_EXECUTION")) {
            return "activities and executions";
        }
        if (table.contains("JOB")) {
            return "timers";
        }
        if (table.startsWith("ACT_")) {
            return "tasks, process instance, other";
        }
        return "the desk's own tables";
    }

    private Map<String, Long> rowsPerTable() {
        Map<String, Long> rows = new TreeMap<>();
        for (String table : jdbc.queryForList("select table_name from information_schema.tables "
                + "where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'", String.class)) {
            rows.put(table, jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class));
        }
        return rows;
    }

    private Map<String, Long> indexesPerTable() {
        Map<String, Long> indexes = new TreeMap<>();
        jdbc.query("select table_name, count(*) from information_schema.indexes where table_schema = 'PUBLIC' "
                + "group by table_name", row -> {
                    indexes.put(row.getString(1), row.getLong(2));
                });
        return indexes;
    }

    private void deployBare() {
        repository.createDeployment().name("bare engine")
                .addModelInstance("bare-engine.bpmn", BareEngineBenchmark.model()).deploy();
    }
}
