package com.sladesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;

import java.io.EOFException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Instant;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sladesk.request.RequestIntake;
import com.sladesk.support.ApiClient;

/**
 * A database lost while a controller runs (the login already checked) answers 503, never 200 with nothing: Spring
 * MVC takes an {@code EOFException} among the causes for a client that went away and would answer 200 with an
 * empty body, which a client takes for a request taken in (seen in DatabaseOutageMysqlIT with MariaDB's driver,
 * whose lost connection ends in "EOFException: Can not read response from server").
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutageInsideAControllerIT {

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired DataSource dataSource;
    @MockitoSpyBean RequestIntake intake;

    @Test
    void anIntakeWhoseDatabaseConnectionDiesAnswers503AndTakesNothingIn() throws Exception {
        // given the connection dying under the intake's first read as MariaDB's driver reports it, translated as
        // Spring Data's repositories translate Hibernate's JDBCConnectionException (the read has no transaction)
        SQLNonTransientConnectionException lost = new SQLNonTransientConnectionException("Communications link failure",
                "08S01", new EOFException("Can not read response from server. Expected to read 4 bytes, read 0 bytes"));
        doThrow(new DataAccessResourceFailureException("Unable to acquire JDBC Connection", lost))
                .when(intake).existing(any(), any());
        long before = requests();

        // when
        var response = new ApiClient(json, port).post("/api/requests", "intake",
                TwoNodeCrashMysqlIT.request("outage-inside-1", "outage-inside-customer", Instant.now()));

        // then 503 problem+json with Retry-After, and no request row
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(json.readTree(response.body()).path("title").asText()).isEqualTo("Database unavailable");
        assertThat(requests()).isEqualTo(before);
    }

    private long requests() {
        return new JdbcTemplate(dataSource).queryForObject("select count(*) from service_request", Long.class);
    }
}
