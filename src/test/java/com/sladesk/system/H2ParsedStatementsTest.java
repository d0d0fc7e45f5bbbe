package com.sladesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

/** The pool's H2 connections keep the statements they parsed; other databases' pools are left as they are. */
class H2ParsedStatementsTest {

    @Test
    void anH2PoolKeepsTwoHundredFiftySixParsedStatementsPerConnection() {
        try (HikariDataSource pool = pool("jdbc:h2:mem:parsed-statements")) {
            Integer kept = statementsKept(new JdbcTemplate(pool));

            assertThat(kept).isEqualTo(H2ParsedStatements.STATEMENTS);
        }
    }

    @Test
    void aUrlThatSaysHowManyAndAMysqlPoolAreLeftAlone() {
        try (HikariDataSource h2 = pool("jdbc:h2:mem:parsed-statements-own;QUERY_CACHE_SIZE=16");
                HikariDataSource mysql = pool("jdbc:mysql://127.0.0.1:3306/sladesk")) {
            assertThat(h2.getDataSourceProperties()).isEmpty();
            assertThat(mysql.getDataSourceProperties()).isEmpty();
        }
    }

    @Test
    void poolPropertiesThatSayHowManyWinInWhateverCase() {
        HikariDataSource configured = new HikariDataSource();
        configured.setJdbcUrl("jdbc:h2:mem:parsed-statements-configured");
        configured.setUsername("sa");
        configured.addDataSourceProperty("query_cache_size", "32");
        try (HikariDataSource pool = processed(configured)) {
            Integer kept = statementsKept(new JdbcTemplate(pool));

            assertThat(kept).isEqualTo(32);
        }
    }

    /** How many parsed statements the H2 database behind {@code jdbc} keeps per connection. */
    static Integer statementsKept(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select cast(setting_value as int) from information_schema.settings "
                + "where setting_name = 'QUERY_CACHE_SIZE'", Integer.class);
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername("sa");
        return processed(pool);
    }

    private static HikariDataSource processed(HikariDataSource pool) {
        return (HikariDataSource) H2ParsedStatements.h2KeepsParsedStatements()
                .postProcessBeforeInitialization(pool, "dataSource");
    }
}
