package com.sladesk.system;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The driver's socket timeout (application-mysql.yaml) ends a statement the database does not answer within
 * seconds. Flyway's migrations and the utf8mb4 conversion may legitimately run longer on a large database: their
 * connections wait as long as it takes (the pool restores the limit when they are returned).
 */
@Configuration
class LongStatements {

    @Bean
    FlywayConfigurationCustomizer migrationsWaitAsLongAsItTakes() {
        return configuration -> configuration.dataSource(untimed(configuration.getDataSource()));
    }

    static DataSource untimed(DataSource dataSource) {
        return new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                return untimed(super.getConnection());
            }
        };
    }

    static Connection untimed(Connection connection) throws SQLException {
        try {
            connection.setNetworkTimeout(Runnable::run, 0);
        } catch (SQLException | UnsupportedOperationException e) {
            // a driver without network timeouts has none to lift
        }
        return connection;
    }
}
