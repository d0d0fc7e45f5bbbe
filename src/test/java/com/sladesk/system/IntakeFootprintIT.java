package com.sladesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sladesk.request.TestRequests;
import com.sladesk.support.ApiClient;
import com.zaxxer.hikari.HikariDataSource;

/** What an intake keeps in the engine's history, and the pool it goes through. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntakeFootprintIT {

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired ManagementService management;
    @Autowired HikariDataSource dataSource;

    @Test
    void anIntakeKeepsItsVariablesActivitiesAndDecisionsButNotEachValueOfEachVariable() throws Exception {
        // given
        HttpResponse<String> created = new ApiClient(json, port).post("/api/requests", "intake",
                TestRequests.vipOutageByEmail("footprint-" + UUID.randomUUID()));
        assertThat(created.statusCode()).isEqualTo(201);
        String key = json.readTree(created.body()).path("key").asText();
        String instance = jdbc.queryForObject("select process_instance_id from service_request where request_key = ?",
                String.class, key);

        // then the request's process keeps its variables, activities and decisions, and no variable details
        assertThat(jdbc.queryForList("select name_ from ACT_HI_VARINST where proc_inst_id_ = ?", String.class,
                instance)).contains("priority", "team", "firstResponseTarget", "customerTier");
        assertThat(count("ACT_HI_ACTINST", instance)).isPositive();
        assertThat(count("ACT_HI_DECINST", instance)).isEqualTo(3);
        assertThat(decisionRows("ACT_HI_DEC_IN", instance)).isPositive();
        assertThat(decisionRows("ACT_HI_DEC_OUT", instance)).isPositive();
        assertThat(count("ACT_HI_DETAIL", instance)).isZero();
        assertThat(management.getHistoryLevel()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL.getId());
    }

    @Test
    void theAppsPoolIsSetUpForItsDatabase() {
        if (dataSource.getJdbcUrl().startsWith("jdbc:h2:")) {
            assertThat(H2ParsedStatementsTest.statementsKept(jdbc)).isEqualTo(H2ParsedStatements.STATEMENTS);
            // the engine's query for the execution waiting for a message (an acknowledgement delivered) reads the
            // execution's subscriptions, not every subscription waiting for a message of that name
            String plan = jdbc.queryForObject("explain select RES.* from ACT_RU_EXECUTION RES "
                    + "where RES.PROC_INST_ID_ = 'instance' and exists (select ID_ from ACT_RU_EVENT_SUBSCR EVT "
                    + "where EVT.EXECUTION_ID_ = RES.ID_ and EVT.EVENT_TYPE_ = 'message' "
                    + "and EVT.EVENT_NAME_ = 'Acknowledgement delivered')", String.class);
            assertThat(plan.replaceAll("\\s+", " ")).as(plan)
                    .containsPattern("\"EVT\" /\\* [^*]+: EXECUTION_ID_ = \"?RES\"?\\.\"?ID_\"? \\*/");
        } else {
            assertThat(dataSource.getDataSourceProperties().stringPropertyNames())
                    .doesNotContain("QUERY_CACHE_SIZE");
            // MySQL: the engine's batches go out as one multi-row insert per table (application-mysql.yaml)
            assertThat(dataSource.getDataSourceProperties().getProperty("rewriteBatchedStatements")).isEqualTo("true");
        }
    }

    /** The inputs or outputs of the decisions the request's process evaluated. */
    private long decisionRows(String table, String instance) {
        return jdbc.queryForObject("select count(*) from " + table + " where dec_inst_id_ in "
                + "(select id_ from ACT_HI_DECINST where proc_inst_id_ = ?)", Long.class, instance);
    }

    private long count(String table, String instance) {
        return jdbc.queryForObject("select count(*) from " + table + " where proc_inst_id_ = ?", Long.class, instance);
    }
}
