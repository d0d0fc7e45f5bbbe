package com.sladesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

/** The app's H2 keeps the statements it parsed (a tenth of an intake's CPU went into parsing them again). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class H2ParsedStatementsIT {

    @Autowired HikariDataSource dataSource;
    @Autowired JdbcTemplate jdbc;

    @Test
    void everyConnectionKeepsTheStatementsOfAnIntakeParsed() {
        assumeTrue(dataSource.getJdbcUrl().startsWith("jdbc:h2:"), "H2 only");

        Integer kept = jdbc.queryForObject("select cast(setting_value as int) from information_schema.settings "
                + "where setting_name = 'QUERY_CACHE_SIZE'", Integer.class);

        assertThat(kept).isEqualTo(H2ParsedStatements.STATEMENTS);
    }
}
